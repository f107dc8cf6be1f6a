import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { placesQueryKey, type Place } from '@/features/places/api/list-places';

export type PlaceUpdate = Schema<'PlaceUpdate'>;

export function updatePlace({ placeId, ...body }: PlaceUpdate & { placeId: number }): Promise<Place> {
  return api.patch<Place>(`${API_PREFIX}/places/${placeId}`, body);
}

/** A new name or timezone changes what missions show: the planning is read again. */
export function useUpdatePlace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePlace,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: placesQueryKey }),
        queryClient.invalidateQueries({ queryKey: ['planning'] }),
        queryClient.invalidateQueries({ queryKey: ['projects'] }),
      ]),
  });
}

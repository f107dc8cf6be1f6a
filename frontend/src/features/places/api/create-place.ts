import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { placesQueryKey, type Place } from '@/features/places/api/list-places';

export type PlaceCreate = Schema<'PlaceCreate'>;

export function createPlace(input: PlaceCreate): Promise<Place> {
  return api.post<Place>(`${API_PREFIX}/places`, input);
}

export function useCreatePlace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPlace,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: placesQueryKey }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import { placesQueryKey } from '@/features/places/api/list-places';

/** Refused (409 place.in_use) while missions take place there. */
export function deletePlace(placeId: number): Promise<void> {
  return api.delete<void>(`${API_PREFIX}/places/${placeId}`);
}

export function useDeletePlace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deletePlace,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: placesQueryKey }),
  });
}

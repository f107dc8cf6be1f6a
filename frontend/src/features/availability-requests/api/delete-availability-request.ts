import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import { availabilityRequestsQueryKey } from '@/features/availability-requests/api/list-availability-requests';

/** Deletes the request, its answers and the availability windows they produced. */
export function deleteAvailabilityRequest(id: number): Promise<void> {
  return api.delete<void>(`${API_PREFIX}/availability-requests/${id}`);
}

export function useDeleteAvailabilityRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAvailabilityRequest,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: availabilityRequestsQueryKey }),
  });
}

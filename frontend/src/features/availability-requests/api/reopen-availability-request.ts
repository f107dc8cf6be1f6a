import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { AvailabilityRequest } from '@/features/availability-requests/api/get-availability-request';
import { availabilityRequestsQueryKey } from '@/features/availability-requests/api/list-availability-requests';

/** POST /availability-requests/{id}/reopen (idempotent). */
export function reopenAvailabilityRequest(id: number): Promise<AvailabilityRequest> {
  return api.post<AvailabilityRequest>(`${API_PREFIX}/availability-requests/${id}/reopen`);
}

export function useReopenAvailabilityRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reopenAvailabilityRequest,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: availabilityRequestsQueryKey }),
  });
}

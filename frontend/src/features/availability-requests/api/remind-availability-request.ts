import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { availabilityRequestsQueryKey } from '@/features/availability-requests/api/list-availability-requests';

export type RemindResult = Schema<'RemindOut'>;

/** "Relancer": the link again, now, to everyone who has not answered. */
export function remindAvailabilityRequest(id: number): Promise<RemindResult> {
  return api.post<RemindResult>(`${API_PREFIX}/availability-requests/${id}/remind`);
}

export function useRemindAvailabilityRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: remindAvailabilityRequest,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: availabilityRequestsQueryKey }),
  });
}

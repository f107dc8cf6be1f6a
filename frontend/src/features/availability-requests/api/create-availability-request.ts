import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import type { AvailabilityRequest } from '@/features/availability-requests/api/get-availability-request';
import { availabilityRequestsQueryKey } from '@/features/availability-requests/api/list-availability-requests';

export type AvailabilityRequestCreate = Schema<'AvailabilityRequestCreate'>;

/** Ask people for their availability: each gets an email with their own link. */
export function createAvailabilityRequest(body: AvailabilityRequestCreate): Promise<AvailabilityRequest> {
  return api.post<AvailabilityRequest>(`${API_PREFIX}/availability-requests`, body);
}

export function useCreateAvailabilityRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAvailabilityRequest,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: availabilityRequestsQueryKey }),
  });
}

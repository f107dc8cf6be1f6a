import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { availabilityRequestsQueryKey } from '@/features/availability-requests/api/list-availability-requests';

export type AvailabilityRequest = Schema<'AvailabilityRequestDetailOut'>;
export type HeatCell = Schema<'HeatCell'>;

/** One request with each person's answers (people x days) and its heat map. */
export function getAvailabilityRequest(id: number, signal?: AbortSignal): Promise<AvailabilityRequest> {
  return api.get<AvailabilityRequest>(`${API_PREFIX}/availability-requests/${id}`, { signal });
}

export function availabilityRequestQueryOptions(id: number) {
  return queryOptions({
    queryKey: [...availabilityRequestsQueryKey, 'detail', id] as const,
    queryFn: ({ signal }) => getAvailabilityRequest(id, signal),
    staleTime: 10_000,
  });
}

export function useAvailabilityRequest(id: number) {
  return useQuery(availabilityRequestQueryOptions(id));
}

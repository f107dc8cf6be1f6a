import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type AvailabilityRequestSummary = Schema<'AvailabilityRequestOut'>;
export type AvailabilityRequestPage = Schema<'AvailabilityRequestPage'>;

export const availabilityRequestsQueryKey = ['availability-requests'] as const;

/** The org's requests, newest first (100 at most). */
export function listAvailabilityRequests(signal?: AbortSignal): Promise<AvailabilityRequestPage> {
  return api.get<AvailabilityRequestPage>(`${API_PREFIX}/availability-requests?page_size=100`, { signal });
}

export function availabilityRequestsQueryOptions() {
  return queryOptions({
    queryKey: [...availabilityRequestsQueryKey, 'list'],
    queryFn: ({ signal }) => listAvailabilityRequests(signal),
    staleTime: 15_000,
  });
}

export function useAvailabilityRequests() {
  return useQuery(availabilityRequestsQueryOptions());
}

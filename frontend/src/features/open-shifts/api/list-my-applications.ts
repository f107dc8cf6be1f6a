import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { openShiftsQueryKey } from '@/features/open-shifts/api/list-mission-open-shifts';

export type OpenShiftApplicationPage = Schema<'ApplicationPage'>;

/** My applications, the soonest deadline of an offer first. */
export function listMyApplications(signal?: AbortSignal): Promise<OpenShiftApplicationPage> {
  return api.get<OpenShiftApplicationPage>(`${API_PREFIX}/open-shifts/applications/mine?page_size=200&sort=-id`, { signal });
}

export function myApplicationsQueryOptions() {
  return queryOptions({
    queryKey: [...openShiftsQueryKey, 'applications'],
    queryFn: ({ signal }) => listMyApplications(signal),
    staleTime: 10_000,
  });
}

export function useMyApplications() {
  return useQuery(myApplicationsQueryOptions());
}

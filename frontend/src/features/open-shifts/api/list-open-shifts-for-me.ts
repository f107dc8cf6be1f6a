import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { openShiftsQueryKey } from '@/features/open-shifts/api/list-mission-open-shifts';

export type OpenShiftForMe = Schema<'OpenShiftForMe'>;
export type OpenShiftForMePage = Schema<'OpenShiftForMePage'>;

/** The open places I may apply to, best match first. */
export function listOpenShiftsForMe(signal?: AbortSignal): Promise<OpenShiftForMePage> {
  return api.get<OpenShiftForMePage>(`${API_PREFIX}/open-shifts/mine?page_size=200`, { signal });
}

export function openShiftsForMeQueryOptions() {
  return queryOptions({
    queryKey: [...openShiftsQueryKey, 'mine'],
    queryFn: ({ signal }) => listOpenShiftsForMe(signal),
    staleTime: 10_000,
  });
}

export function useOpenShiftsForMe() {
  return useQuery(openShiftsForMeQueryOptions());
}

import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type OpenShift = Schema<'OpenShiftOut'>;
export type OpenShiftApplication = Schema<'ApplicationOut'>;
export type OpenShiftPolicy = OpenShift['policy'];
export type OpenShiftPage = Schema<'OpenShiftPage'>;

export const openShiftsQueryKey = ['open-shifts'] as const;

/** Managers: the publications of a mission's roles with their applicants and waitlist. */
export function listMissionOpenShifts(missionId: number, signal?: AbortSignal): Promise<OpenShiftPage> {
  return api.get<OpenShiftPage>(`${API_PREFIX}/open-shifts?mission=${missionId}&page_size=200`, { signal });
}

export function missionOpenShiftsQueryOptions(missionId: number) {
  return queryOptions({
    queryKey: [...openShiftsQueryKey, 'mission', missionId],
    queryFn: ({ signal }) => listMissionOpenShifts(missionId, signal),
    staleTime: 10_000,
  });
}

export function useMissionOpenShifts(missionId: number) {
  return useQuery(missionOpenShiftsQueryOptions(missionId));
}

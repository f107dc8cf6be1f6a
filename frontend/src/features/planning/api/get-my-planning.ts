import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import { addDays, dayInZone } from '@/lib/dates';
import type { Planning } from '@/features/planning/api/get-planning';

/** How far ahead the signed-in person's own planning is kept for offline reading. */
export const MY_PLANNING_DAYS = 14;

/**
 * One key whatever the day: the mirror (lib/offline-cache.ts keeps the `my-planning`
 * root) holds one copy, and the planning's own `from`/`to` say which days it covers.
 */
export const myPlanningQueryKey = ['my-planning'] as const;

/** From today (in `timeZone`) for MY_PLANNING_DAYS days, `to` included. */
export function myPlanningWindow(timeZone: string, now = Date.now()): { from: string; to: string } {
  const from = dayInZone(now, timeZone);
  return { from, to: addDays(from, MY_PLANNING_DAYS - 1) };
}

export function getMyPlanning(timeZone: string, signal?: AbortSignal): Promise<Planning> {
  const params = new URLSearchParams({ ...myPlanningWindow(timeZone), mine: 'true' });
  return api.get<Planning>(`${API_PREFIX}/planning?${params}`, { signal });
}

export function myPlanningQueryOptions(timeZone: string) {
  return queryOptions({
    queryKey: myPlanningQueryKey,
    queryFn: ({ signal }) => getMyPlanning(timeZone, signal),
    staleTime: 5 * 60_000,
  });
}

/**
 * The next 14 days of the signed-in person's missions (`mine=true`): the shell keeps it
 * synced so that the planning screen can show it without network.
 */
export function useMyPlanning(timeZone: string, enabled = true) {
  return useQuery({ ...myPlanningQueryOptions(timeZone), enabled });
}

import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { PLANNING_STALE_TIME, type PlanningWindow } from '@/features/planning/api/get-planning';

export type AbsenceOccurrence = Schema<'AvailabilityOccurrence'>;
export type AbsenceOccurrencePage = Schema<'AvailabilityOccurrencePage'>;

/** Approved unavailability (absences included) of the visible window, for the rows by person.
 * The first 200 occurrences: a window of the planning holds far fewer. */
export function listPlanningAbsences(window: PlanningWindow, signal?: AbortSignal): Promise<AbsenceOccurrencePage> {
  const params = new URLSearchParams({
    from: window.from,
    to: window.to,
    kind: 'unavailable',
    status: 'APPROVED',
    page_size: '200',
  });
  return api.get<AbsenceOccurrencePage>(`${API_PREFIX}/availability?${params.toString()}`, { signal });
}

export function planningAbsencesQueryOptions(window: PlanningWindow) {
  return queryOptions({
    queryKey: ['planning-absences', { from: window.from, to: window.to }] as const,
    queryFn: ({ signal }) => listPlanningAbsences(window, signal),
    staleTime: PLANNING_STALE_TIME,
    placeholderData: keepPreviousData,
  });
}

export function usePlanningAbsences(window: PlanningWindow | null, enabled: boolean) {
  return useQuery({
    ...planningAbsencesQueryOptions(window ?? { from: '', to: '' }),
    enabled: enabled && window !== null,
  });
}

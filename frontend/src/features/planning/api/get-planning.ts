import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type Planning = Schema<'Planning'>;
export type PlanningMission = Schema<'PlanningMission'>;
export type PlanningAssignment = Schema<'PlanningAssignment'>;
export type PlanningUser = Schema<'PlanningUser'>;
export type { MissionView } from '@/lib/planning';

export const ASSIGNMENT_STATUSES = ['INVITED', 'ACCEPTED', 'DECLINED', 'CANCELLED'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** Filters the API applies; the role filter is applied in the browser (see utils/calendar.ts). */
export interface PlanningFilters {
  statuses: AssignmentStatus[];
  userId: number | null;
  projectId: number | null;
}

export interface PlanningWindow {
  /** ISO dates in the org timezone, both included. */
  from: string;
  to: string;
}

/** Calendar data is keyed by the visible window: moving the calendar fetches the new window. */
export const planningBaseKey = ['planning'] as const;

export function planningQueryKey(window: PlanningWindow, filters: PlanningFilters) {
  return ['planning', { from: window.from, to: window.to, filters }] as const;
}

/** Live events patch the cache; this only bounds how old a window may be on revisit. */
export const PLANNING_STALE_TIME = 60_000;

/**
 * A link that reaches its user fires no live event (only failures do): while a
 * shown invitation waits to be sent, the visible window is read again this often.
 */
export const PLANNING_DELIVERY_POLL_MS = 15_000;

export function hasQueuedDelivery(planning: Planning | undefined): boolean {
  return !!planning?.assignments.some((a) => a.status === 'INVITED' && a.delivery_status === 'queued');
}

export function getPlanning(window: PlanningWindow, filters: PlanningFilters, signal?: AbortSignal): Promise<Planning> {
  const params = new URLSearchParams({ from: window.from, to: window.to });
  if (filters.statuses.length) params.set('status', filters.statuses.join(','));
  if (filters.userId) params.set('user', String(filters.userId));
  if (filters.projectId) params.set('project', String(filters.projectId));
  return api.get<Planning>(`${API_PREFIX}/planning?${params}`, { signal });
}

export function planningQueryOptions(window: PlanningWindow, filters: PlanningFilters) {
  return queryOptions({
    queryKey: planningQueryKey(window, filters),
    queryFn: ({ signal }) => getPlanning(window, filters, signal),
    staleTime: PLANNING_STALE_TIME,
    // Keep the previous window on screen while the next one loads.
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (hasQueuedDelivery(query.state.data) ? PLANNING_DELIVERY_POLL_MS : false),
  });
}

export function usePlanning(window: PlanningWindow | null, filters: PlanningFilters) {
  return useQuery({
    ...planningQueryOptions(window ?? { from: '', to: '' }, filters),
    enabled: window !== null,
  });
}

import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type Planning = Schema<'Planning'>;

/** One user's planning for a window of org-timezone dates (`to` included). */
export function getUserPlanning(userId: number, from: string, to: string): Promise<Planning> {
  const params = new URLSearchParams({ from, to, user: String(userId) });
  return api.get<Planning>(`${API_PREFIX}/planning?${params.toString()}`);
}

export function userPlanningQueryOptions(userId: number, from: string, to: string) {
  return queryOptions({
    // Keyed by the visible window, like the planning screen (CONVENTIONS 11).
    queryKey: ['planning', { from, to, user: userId }] as const,
    queryFn: () => getUserPlanning(userId, from, to),
    staleTime: 30_000,
  });
}

export function useUserPlanning(userId: number, from: string, to: string) {
  return useQuery(userPlanningQueryOptions(userId, from, to));
}

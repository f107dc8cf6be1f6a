import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { projectsQueryKey } from '@/features/projects/api/list-projects';

export type Mission = Schema<'MissionOut'>;

export const missionBaseKey = ['mission-page'] as const;

export function missionQueryKey(missionId: number) {
  return [...missionBaseKey, missionId] as const;
}

export function getMission(missionId: number, signal?: AbortSignal): Promise<Mission> {
  return api.get<Mission>(`${API_PREFIX}/missions/${missionId}`, { signal });
}

export function missionQueryOptions(missionId: number) {
  return queryOptions({
    queryKey: missionQueryKey(missionId),
    queryFn: ({ signal }) => getMission(missionId, signal),
    staleTime: 15_000,
  });
}

export function useMission(missionId: number) {
  return useQuery(missionQueryOptions(missionId));
}

/**
 * After a change to a mission, its roles or its assignments: the mission page, the
 * project's tables, and the other screens that show them (by their key names: features
 * do not import each other).
 */
export function invalidateMissionData(queryClient: QueryClient) {
  return Promise.all(
    [missionBaseKey, projectsQueryKey, ['planning'], ['mission-assignments'], ['dashboard']].map((queryKey) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}

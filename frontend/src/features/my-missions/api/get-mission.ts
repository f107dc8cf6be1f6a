import { queryOptions, useQueries } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type Mission = Schema<'MissionOut'>;

export function getMission(missionId: number): Promise<Mission> {
  return api.get<Mission>(`${API_PREFIX}/missions/${missionId}`);
}

export function missionQueryOptions(missionId: number) {
  return queryOptions({
    queryKey: ['my-missions', 'mission', missionId] as const,
    queryFn: () => getMission(missionId),
    staleTime: 60_000,
  });
}

/**
 * The missions behind a list of assignments, by id. AssignmentOut carries no
 * mission title or place, so each distinct mission is fetched once (and cached).
 */
export function useMissionsById(missionIds: number[]): Map<number, Mission> {
  const unique = [...new Set(missionIds)];
  return useQueries({
    queries: unique.map((id) => missionQueryOptions(id)),
    combine: (results) => {
      const byId = new Map<number, Mission>();
      results.forEach((result) => {
        if (result.data) byId.set(result.data.id, result.data);
      });
      return byId;
    },
  });
}

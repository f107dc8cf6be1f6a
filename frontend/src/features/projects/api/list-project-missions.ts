import { queryOptions, useQuery } from '@tanstack/react-query';

import { API_PREFIX } from '@/lib/api/client';
import { listAll } from '@/lib/api/list-all';
import type { Schema } from '@/lib/api/types';
import { projectQueryKey } from '@/features/projects/api/get-project';

export type Mission = Schema<'MissionOut'>;

export function projectMissionsQueryKey(projectId: number) {
  return [...projectQueryKey(projectId), 'missions'] as const;
}

/** Every mission of the project, by start (a festival holds a few hundred: the table
 * searches, sorts and pages them in the browser). */
export function listProjectMissions(projectId: number, signal?: AbortSignal): Promise<Mission[]> {
  return listAll<Mission>(`${API_PREFIX}/missions`, { params: { project: String(projectId), sort: 'starts_at' }, signal });
}

export function projectMissionsQueryOptions(projectId: number) {
  return queryOptions({
    queryKey: projectMissionsQueryKey(projectId),
    queryFn: ({ signal }) => listProjectMissions(projectId, signal),
    staleTime: 15_000,
  });
}

export function useProjectMissions(projectId: number) {
  return useQuery(projectMissionsQueryOptions(projectId));
}

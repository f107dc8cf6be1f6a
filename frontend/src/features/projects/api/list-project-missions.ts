import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { projectQueryKey } from '@/features/projects/api/get-project';

export type Mission = Schema<'MissionOut'>;
export type MissionPage = Schema<'MissionPage'>;

export function projectMissionsQueryKey(projectId: number, page: number) {
  return [...projectQueryKey(projectId), 'missions', { page }] as const;
}

export function listProjectMissions(projectId: number, page: number, signal?: AbortSignal): Promise<MissionPage> {
  const params = new URLSearchParams({ project: String(projectId), page: String(page), page_size: '200' });
  return api.get<MissionPage>(`${API_PREFIX}/missions?${params}`, { signal });
}

export function projectMissionsQueryOptions(projectId: number, page = 1) {
  return queryOptions({
    queryKey: projectMissionsQueryKey(projectId, page),
    queryFn: ({ signal }) => listProjectMissions(projectId, page, signal),
    staleTime: 15_000,
  });
}

export function useProjectMissions(projectId: number, page = 1) {
  return useQuery(projectMissionsQueryOptions(projectId, page));
}

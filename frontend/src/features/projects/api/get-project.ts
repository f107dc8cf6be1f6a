import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import { projectsQueryKey, type Project } from '@/features/projects/api/list-projects';

export function projectQueryKey(projectId: number) {
  return [...projectsQueryKey, projectId] as const;
}

export function getProject(projectId: number, signal?: AbortSignal): Promise<Project> {
  return api.get<Project>(`${API_PREFIX}/projects/${projectId}`, { signal });
}

export function projectQueryOptions(projectId: number) {
  return queryOptions({
    queryKey: projectQueryKey(projectId),
    queryFn: ({ signal }) => getProject(projectId, signal),
    staleTime: 30_000,
  });
}

export function useProject(projectId: number) {
  return useQuery(projectQueryOptions(projectId));
}

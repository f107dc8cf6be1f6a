import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type Project = Schema<'ProjectOut'>;
export type ProjectPage = Schema<'ProjectPage'>;

export const projectsQueryKey = ['projects'] as const;

export function listProjects(status: string | null, signal?: AbortSignal): Promise<ProjectPage> {
  const params = new URLSearchParams({ page_size: '200' });
  if (status) params.set('status', status);
  return api.get<ProjectPage>(`${API_PREFIX}/projects?${params}`, { signal });
}

export function projectsQueryOptions(status: string | null = null) {
  return queryOptions({
    queryKey: [...projectsQueryKey, 'list', { status }],
    queryFn: ({ signal }) => listProjects(status, signal),
    staleTime: 30_000,
  });
}

export function useProjects(status: string | null = null) {
  return useQuery(projectsQueryOptions(status));
}

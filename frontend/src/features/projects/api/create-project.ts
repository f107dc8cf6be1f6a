import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { projectsQueryKey, type Project } from '@/features/projects/api/list-projects';

export type ProjectCreate = Schema<'ProjectCreate'>;

export function createProject(input: ProjectCreate): Promise<Project> {
  return api.post<Project>(`${API_PREFIX}/projects`, input);
}

export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createProject,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectsQueryKey }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { projectsQueryKey, type Project } from '@/features/projects/api/list-projects';

export type ProjectUpdate = Schema<'ProjectUpdate'>;

/** PATCH /projects/{id}: name, description, status, dates, managers (the whole list). */
export function updateProject(projectId: number, input: ProjectUpdate): Promise<Project> {
  return api.patch<Project>(`${API_PREFIX}/projects/${projectId}`, input);
}

export function useUpdateProject(projectId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProjectUpdate) => updateProject(projectId, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: projectsQueryKey }),
  });
}

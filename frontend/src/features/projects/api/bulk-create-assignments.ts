import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { projectsQueryKey } from '@/features/projects/api/list-projects';

export type AssignmentsBulkCreate = Schema<'AssignmentsBulkCreate'>;
export type AssignmentsBulkOut = Schema<'AssignmentsBulkOut'>;

/** Every user on every mission role: all or nothing; warnings list the rules broken. */
export function bulkCreateAssignments(input: AssignmentsBulkCreate): Promise<AssignmentsBulkOut> {
  return api.post<AssignmentsBulkOut>(`${API_PREFIX}/assignments/bulk_create`, input);
}

export function useBulkCreateAssignments() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: bulkCreateAssignments,
    onSettled: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: projectsQueryKey }),
      queryClient.invalidateQueries({ queryKey: ['planning'] }),
    ]),
  });
}

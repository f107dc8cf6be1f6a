import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { projectsQueryKey } from '@/features/projects/api/list-projects';

export type BulkMissionsCreate = Schema<'BulkMissionsCreate'>;
export type BulkMissionsOut = Schema<'BulkMissionsOut'>;

/** Days (or a range) x time slots, with the same roles: all the missions or none. */
export function bulkCreateMissions({ projectId, ...body }: BulkMissionsCreate & { projectId: number }): Promise<BulkMissionsOut> {
  return api.post<BulkMissionsOut>(`${API_PREFIX}/projects/${projectId}/missions:bulk_create`, body);
}

export function useBulkCreateMissions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: bulkCreateMissions,
    onSuccess: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: projectsQueryKey }),
      queryClient.invalidateQueries({ queryKey: ['planning'] }),
    ]),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { projectsQueryKey } from '@/features/projects/api/list-projects';

export type MissionDuplicate = Schema<'MissionDuplicate'>;
export type BulkMissionsOut = Schema<'BulkMissionsOut'>;

export function duplicateMission(missionId: number, input: MissionDuplicate): Promise<BulkMissionsOut> {
  return api.post<BulkMissionsOut>(`${API_PREFIX}/missions/${missionId}/duplicate`, input);
}

/** Copies each selected mission on every day from `from` to `to` (its own day skipped). */
export function useDuplicateMissions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ missionIds, from, to }: { missionIds: number[]; from: string; to: string }) => {
      let created = 0;
      for (const id of missionIds) created += (await duplicateMission(id, { from, to, publish: false, fold: 0 })).created;
      return created;
    },
    onSettled: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: projectsQueryKey }),
      queryClient.invalidateQueries({ queryKey: ['planning'] }),
      queryClient.invalidateQueries({ queryKey: ['dashboard'] }),
    ]),
  });
}

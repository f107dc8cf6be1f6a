import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { projectsQueryKey } from '@/features/projects/api/list-projects';

export type MissionBatch = Schema<'MissionBatch'>;
export type MissionBatchAction = MissionBatch['action'];
export type MissionBatchOut = Schema<'MissionBatchOut'>;

/** One action on many missions, in one request: all of them change, or none (atomic). */
export function batchMissions(missionIds: number[], action: MissionBatchAction): Promise<MissionBatchOut> {
  const body: MissionBatch = { mission_ids: missionIds, action };
  return api.post<MissionBatchOut>(`${API_PREFIX}/missions:batch`, body);
}

/** Publishes, unpublishes or deletes the given missions with `POST /missions:batch`. */
export function useBatchMissions(action: MissionBatchAction) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (missionIds: number[]) => batchMissions(missionIds, action),
    onSettled: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: projectsQueryKey }),
      queryClient.invalidateQueries({ queryKey: ['planning'] }),
    ]),
  });
}

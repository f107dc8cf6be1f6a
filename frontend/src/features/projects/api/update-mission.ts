import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { invalidateMissionData, type Mission } from '@/features/projects/api/get-mission';

export type MissionUpdate = Schema<'MissionUpdate'>;

/** PATCH /missions/{id}: changed fields only; its assignments follow new times on the server. */
export function updateMission(missionId: number, input: MissionUpdate): Promise<Mission> {
  return api.patch<Mission>(`${API_PREFIX}/missions/${missionId}`, input);
}

export function useUpdateMission(missionId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MissionUpdate) => updateMission(missionId, input),
    onSettled: () => invalidateMissionData(queryClient),
  });
}

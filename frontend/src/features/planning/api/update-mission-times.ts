import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { planningBaseKey } from '@/features/planning/api/get-planning';

export type Mission = Schema<'MissionOut'>;

export interface MissionTimes {
  missionId: number;
  starts_at: string;
  ends_at: string;
}

/** Moves or resizes a mission (PATCH its times); its assignments follow on the server. */
export function updateMissionTimes({ missionId, ...times }: MissionTimes): Promise<Mission> {
  return api.patch<Mission>(`${API_PREFIX}/missions/${missionId}`, times);
}

export function useUpdateMissionTimes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMissionTimes,
    onSettled: () => queryClient.invalidateQueries({ queryKey: planningBaseKey }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { invalidateMissionData, type Mission } from '@/features/projects/api/get-mission';

export type MissionRoleIn = Schema<'MissionRoleIn'>;
export type MissionRoleUpdate = Schema<'MissionRoleUpdate'>;

/** POST /missions/{id}/roles. */
export function addMissionRole(missionId: number, input: MissionRoleIn): Promise<Mission> {
  return api.post<Mission>(`${API_PREFIX}/missions/${missionId}/roles`, input);
}

/** PATCH /missions/{id}/roles/{role_id}: name, quota, required skills. */
export function updateMissionRole(missionId: number, roleId: number, input: MissionRoleUpdate): Promise<Mission> {
  return api.patch<Mission>(`${API_PREFIX}/missions/${missionId}/roles/${roleId}`, input);
}

/** DELETE /missions/{id}/roles/{role_id} (409 while it holds active assignments). */
export function deleteMissionRole(missionId: number, roleId: number): Promise<Mission> {
  return api.delete<Mission>(`${API_PREFIX}/missions/${missionId}/roles/${roleId}`);
}

export type RoleChange =
  | { kind: 'add'; input: MissionRoleIn }
  | { kind: 'update'; roleId: number; input: MissionRoleUpdate }
  | { kind: 'delete'; roleId: number };

/** One mutation for the roles editor: add, change or remove a role. */
export function useChangeMissionRole(missionId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: RoleChange) => {
      if (change.kind === 'add') return addMissionRole(missionId, change.input);
      if (change.kind === 'update') return updateMissionRole(missionId, change.roleId, change.input);
      return deleteMissionRole(missionId, change.roleId);
    },
    onSettled: () => invalidateMissionData(queryClient),
  });
}

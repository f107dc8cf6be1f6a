import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import { projectsQueryKey } from '@/features/projects/api/list-projects';
import type { Mission } from '@/features/projects/api/list-project-missions';

export function unpublishMission(missionId: number): Promise<Mission> {
  return api.post<Mission>(`${API_PREFIX}/missions/${missionId}/unpublish`);
}

/** Unpublishes several missions one after the other (the API has no batch route for it). */
export function useUnpublishMissions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (missionIds: number[]) => {
      for (const id of missionIds) await unpublishMission(id);
    },
    onSettled: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: projectsQueryKey }),
      queryClient.invalidateQueries({ queryKey: ['planning'] }),
    ]),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import { projectsQueryKey } from '@/features/projects/api/list-projects';
import type { Mission } from '@/features/projects/api/list-project-missions';

export function publishMission(missionId: number): Promise<Mission> {
  return api.post<Mission>(`${API_PREFIX}/missions/${missionId}/publish`);
}

/** Publishes several missions one after the other (the API has no batch route for it). */
export function usePublishMissions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (missionIds: number[]) => {
      for (const id of missionIds) await publishMission(id);
    },
    onSettled: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: projectsQueryKey }),
      queryClient.invalidateQueries({ queryKey: ['planning'] }),
    ]),
  });
}

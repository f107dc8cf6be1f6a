import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import { projectsQueryKey } from '@/features/projects/api/list-projects';

export function deleteMission(missionId: number): Promise<void> {
  return api.delete<void>(`${API_PREFIX}/missions/${missionId}`);
}

/** Deletes several missions one after the other (the API has no batch route for it). */
export function useDeleteMissions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (missionIds: number[]) => {
      for (const id of missionIds) await deleteMission(id);
    },
    onSettled: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: projectsQueryKey }),
      queryClient.invalidateQueries({ queryKey: ['planning'] }),
    ]),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import { missionTemplatesQueryKey } from '@/features/mission-templates/api/list-mission-templates';

/** Archives the template: gone from the list, its name free; missions made from it stay. */
export function deleteMissionTemplate(templateId: number): Promise<void> {
  return api.delete<void>(`${API_PREFIX}/mission-templates/${templateId}`);
}

export function useDeleteMissionTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteMissionTemplate,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: missionTemplatesQueryKey }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { missionTemplatesQueryKey, type MissionTemplate } from '@/features/mission-templates/api/list-mission-templates';

export type MissionTemplateUpdate = Schema<'MissionTemplateUpdate'>;

/** Changed fields only; any change is a new version of the template. */
export function updateMissionTemplate({ templateId, ...body }: MissionTemplateUpdate & { templateId: number }): Promise<MissionTemplate> {
  return api.patch<MissionTemplate>(`${API_PREFIX}/mission-templates/${templateId}`, body);
}

export function useUpdateMissionTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMissionTemplate,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: missionTemplatesQueryKey }),
  });
}

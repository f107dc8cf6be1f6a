import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { missionTemplatesQueryKey, type MissionTemplate } from '@/features/mission-templates/api/list-mission-templates';

export type MissionTemplateCreate = Schema<'MissionTemplateCreate'>;

/** Version 1 of a new template (409 mission_template.name_taken if the name is used). */
export function createMissionTemplate(body: MissionTemplateCreate): Promise<MissionTemplate> {
  return api.post<MissionTemplate>(`${API_PREFIX}/mission-templates`, body);
}

export function useCreateMissionTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createMissionTemplate,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: missionTemplatesQueryKey }),
  });
}

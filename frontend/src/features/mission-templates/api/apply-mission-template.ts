import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type MissionTemplateApply = Schema<'MissionTemplateApply'>;
export type MissionTemplateApplied = Schema<'MissionTemplateApplied'>;

/** Days x slots x places of a template: every mission or none, in one call. */
export function applyMissionTemplate({ templateId, ...body }: MissionTemplateApply & { templateId: number }): Promise<MissionTemplateApplied> {
  return api.post<MissionTemplateApplied>(`${API_PREFIX}/mission-templates/${templateId}/apply`, body);
}

export function useApplyMissionTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: applyMissionTemplate,
    // The missions live under the projects feature's keys (['projects', id, 'missions']).
    onSuccess: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: ['projects'] }),
      queryClient.invalidateQueries({ queryKey: ['planning'] }),
    ]),
  });
}

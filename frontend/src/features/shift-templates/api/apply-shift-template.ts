import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type ShiftTemplateApply = Schema<'ShiftTemplateApply'>;
export type ShiftTemplateApplied = Schema<'ShiftTemplateApplied'>;

/** Days x slots x places of a template: every mission or none, in one call. */
export function applyShiftTemplate({ templateId, ...body }: ShiftTemplateApply & { templateId: number }): Promise<ShiftTemplateApplied> {
  return api.post<ShiftTemplateApplied>(`${API_PREFIX}/shift-templates/${templateId}/apply`, body);
}

export function useApplyShiftTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: applyShiftTemplate,
    // The missions live under the projects feature's keys (['projects', id, 'missions']).
    onSuccess: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: ['projects'] }),
      queryClient.invalidateQueries({ queryKey: ['planning'] }),
    ]),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { shiftTemplatesQueryKey, type ShiftTemplate } from '@/features/shift-templates/api/list-shift-templates';

export type ShiftTemplateUpdate = Schema<'ShiftTemplateUpdate'>;

/** Changed fields only; any change is a new version of the template. */
export function updateShiftTemplate({ templateId, ...body }: ShiftTemplateUpdate & { templateId: number }): Promise<ShiftTemplate> {
  return api.patch<ShiftTemplate>(`${API_PREFIX}/shift-templates/${templateId}`, body);
}

export function useUpdateShiftTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateShiftTemplate,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: shiftTemplatesQueryKey }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { shiftTemplatesQueryKey, type ShiftTemplate } from '@/features/shift-templates/api/list-shift-templates';

export type ShiftTemplateCreate = Schema<'ShiftTemplateCreate'>;

/** Version 1 of a new template (409 shift_template.name_taken if the name is used). */
export function createShiftTemplate(body: ShiftTemplateCreate): Promise<ShiftTemplate> {
  return api.post<ShiftTemplate>(`${API_PREFIX}/shift-templates`, body);
}

export function useCreateShiftTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createShiftTemplate,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: shiftTemplatesQueryKey }),
  });
}

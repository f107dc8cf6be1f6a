import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import { shiftTemplatesQueryKey } from '@/features/shift-templates/api/list-shift-templates';

/** Archives the template: gone from the list, its name free; missions made from it stay. */
export function deleteShiftTemplate(templateId: number): Promise<void> {
  return api.delete<void>(`${API_PREFIX}/shift-templates/${templateId}`);
}

export function useDeleteShiftTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteShiftTemplate,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: shiftTemplatesQueryKey }),
  });
}

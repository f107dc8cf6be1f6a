import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type ShiftTemplate = Schema<'ShiftTemplateOut'>;
export type ShiftTemplatePage = Schema<'ShiftTemplatePage'>;
/** What a template holds besides its name: the pattern of one day, as a bulk creation takes it. */
export type TemplatePattern = Pick<Schema<'ShiftTemplateCreate'>, 'title' | 'slots' | 'roles'>;

export const shiftTemplatesQueryKey = ['shift-templates'] as const;

/** The org's templates by name (200 at most: a picker's worth). */
export function listShiftTemplates(signal?: AbortSignal): Promise<ShiftTemplatePage> {
  return api.get<ShiftTemplatePage>(`${API_PREFIX}/shift-templates?page_size=200`, { signal });
}

export function shiftTemplatesQueryOptions() {
  return queryOptions({
    queryKey: [...shiftTemplatesQueryKey, 'list'],
    queryFn: ({ signal }) => listShiftTemplates(signal),
    staleTime: 30_000,
  });
}

export function useShiftTemplates({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...shiftTemplatesQueryOptions(), enabled });
}

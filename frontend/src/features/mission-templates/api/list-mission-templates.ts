import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type MissionTemplate = Schema<'MissionTemplateOut'>;
export type MissionTemplatePage = Schema<'MissionTemplatePage'>;
/** What a template holds besides its name: the pattern of one day, as a bulk creation takes it. */
export type TemplatePattern = Pick<Schema<'MissionTemplateCreate'>, 'title' | 'slots' | 'roles'>;

export const missionTemplatesQueryKey = ['mission-templates'] as const;

/** The org's templates by name (200 at most: a picker's worth). */
export function listMissionTemplates(signal?: AbortSignal): Promise<MissionTemplatePage> {
  return api.get<MissionTemplatePage>(`${API_PREFIX}/mission-templates?page_size=200`, { signal });
}

export function missionTemplatesQueryOptions() {
  return queryOptions({
    queryKey: [...missionTemplatesQueryKey, 'list'],
    queryFn: ({ signal }) => listMissionTemplates(signal),
    staleTime: 30_000,
  });
}

export function useMissionTemplates({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...missionTemplatesQueryOptions(), enabled });
}

import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type Mission = Schema<'MissionOut'>;

export function getMission(missionId: number, signal?: AbortSignal): Promise<Mission> {
  return api.get<Mission>(`${API_PREFIX}/missions/${missionId}`, { signal });
}

export function missionQueryOptions(missionId: number) {
  return queryOptions({
    queryKey: ['missions', 'detail', missionId] as const,
    queryFn: ({ signal }) => getMission(missionId, signal),
    staleTime: 60_000,
  });
}

export function useMission(missionId: number) {
  return useQuery(missionQueryOptions(missionId));
}

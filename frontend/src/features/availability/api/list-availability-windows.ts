import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type AvailabilityWindow = Schema<'AvailabilityOut'>;
export type AvailabilityPage = Schema<'AvailabilityPage'>;

export interface WindowFilters {
  user?: number;
  status?: 'REQUESTED' | 'APPROVED' | 'REFUSED';
}

export const availabilityQueryKey = ['availability'] as const;

export function listAvailabilityWindows(filters: WindowFilters): Promise<AvailabilityPage> {
  const params = new URLSearchParams({ page_size: '200' });
  if (filters.user) params.set('user', String(filters.user));
  if (filters.status) params.set('status', filters.status);
  return api.get<AvailabilityPage>(`${API_PREFIX}/availability/windows?${params.toString()}`);
}

export function availabilityWindowsQueryOptions(filters: WindowFilters) {
  return queryOptions({
    queryKey: [...availabilityQueryKey, 'windows', filters] as const,
    queryFn: () => listAvailabilityWindows(filters),
  });
}

export function useAvailabilityWindows(filters: WindowFilters) {
  return useQuery(availabilityWindowsQueryOptions(filters));
}

import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type Org = Schema<'OrgOut'>;

export const orgQueryKey = ['org', 'current'] as const;

export function getOrg(): Promise<Org> {
  return api.get<Org>(`${API_PREFIX}/orgs/current`);
}

export function orgQueryOptions() {
  return queryOptions({ queryKey: orgQueryKey, queryFn: getOrg, staleTime: 60_000 });
}

export function useOrg() {
  return useQuery(orgQueryOptions());
}

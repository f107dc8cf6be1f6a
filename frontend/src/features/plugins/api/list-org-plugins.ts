import { queryOptions, useQuery } from '@tanstack/react-query';

import { API_PREFIX } from '@/lib/api/client';
import { listAll } from '@/lib/api/list-all';
import type { Schema } from '@/lib/api/types';

export type OrgPlugin = Schema<'PluginOut'>;

export const pluginsQueryKey = ['plugins'] as const;

export function listOrgPlugins(): Promise<OrgPlugin[]> {
  return listAll<OrgPlugin>(`${API_PREFIX}/orgs/current/plugins`);
}

export function pluginsQueryOptions() {
  return queryOptions({ queryKey: pluginsQueryKey, queryFn: listOrgPlugins });
}

export function useOrgPlugins() {
  return useQuery(pluginsQueryOptions());
}

import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type OrgPlugin = Schema<'PluginOut'>;

export const pluginsQueryKey = ['plugins'] as const;

export function listOrgPlugins(): Promise<OrgPlugin[]> {
  return api.get<OrgPlugin[]>(`${API_PREFIX}/orgs/current/plugins`);
}

export function pluginsQueryOptions() {
  return queryOptions({ queryKey: pluginsQueryKey, queryFn: listOrgPlugins });
}

export function useOrgPlugins() {
  return useQuery(pluginsQueryOptions());
}

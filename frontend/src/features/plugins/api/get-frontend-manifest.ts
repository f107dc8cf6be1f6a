import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type FrontendManifest = Schema<'FrontendManifest'>;
export type ManifestMenuEntry = Schema<'ManifestMenuEntry'>;
export type ManifestWidget = Schema<'ManifestWidget'>;

/** Per org and per role: switching org resets every query, enabling a plugin invalidates it. */
export const manifestQueryKey = ['plugins-manifest'] as const;

export function getFrontendManifest(): Promise<FrontendManifest> {
  return api.get<FrontendManifest>(`${API_PREFIX}/orgs/current/manifest`);
}

export function manifestQueryOptions() {
  return queryOptions({ queryKey: manifestQueryKey, queryFn: getFrontendManifest });
}

export function useFrontendManifest() {
  return useQuery(manifestQueryOptions());
}

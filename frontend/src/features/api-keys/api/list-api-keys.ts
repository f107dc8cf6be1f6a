import { queryOptions, useQuery } from '@tanstack/react-query';

import { API_PREFIX } from '@/lib/api/client';
import { listAll } from '@/lib/api/list-all';
import type { Schema } from '@/lib/api/types';

export type ApiKey = Schema<'ApiKeyOut'>;

export const apiKeysQueryKey = ['api-keys'] as const;

export function listApiKeys(): Promise<ApiKey[]> {
  return listAll<ApiKey>(`${API_PREFIX}/orgs/current/api-keys`);
}

export function apiKeysQueryOptions() {
  return queryOptions({ queryKey: apiKeysQueryKey, queryFn: listApiKeys });
}

export function useApiKeys() {
  return useQuery(apiKeysQueryOptions());
}

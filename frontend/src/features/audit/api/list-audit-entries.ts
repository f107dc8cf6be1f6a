import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type AuditEntry = Schema<'AuditEntry'>;
export type AuditPage = Schema<'AuditPage'>;

/** Filters of the audit log; empty values are left out of the query. */
export interface AuditFilters {
  /** account id of the actor */
  actor?: number;
  /** an action (`mission.updated`) or a prefix ending with a dot (`mission.`) */
  action?: string;
  /** a target as entries name it (`mission:42`) */
  target?: string;
  /** ISO dates in the org timezone, `to` included */
  from?: string;
  to?: string;
}

export const AUDIT_PAGE_SIZE = 50;

export const auditQueryKey = ['audit'] as const;

export function auditSearchParams(filters: AuditFilters, cursor?: string | null): URLSearchParams {
  const params = new URLSearchParams({ page_size: String(AUDIT_PAGE_SIZE) });
  if (filters.actor !== undefined) params.set('actor', String(filters.actor));
  for (const key of ['action', 'target', 'from', 'to'] as const) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  if (cursor) params.set('cursor', cursor);
  return params;
}

/** One page of the org's audit log, newest first (owners and admins only). */
export function listAuditEntries(filters: AuditFilters, cursor?: string | null): Promise<AuditPage> {
  return api.get<AuditPage>(`${API_PREFIX}/audit?${auditSearchParams(filters, cursor).toString()}`);
}

export function auditQueryOptions(filters: AuditFilters) {
  return infiniteQueryOptions({
    queryKey: [...auditQueryKey, filters] as const,
    queryFn: ({ pageParam }) => listAuditEntries(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    staleTime: 15_000,
  });
}

export function useAuditEntries(filters: AuditFilters) {
  return useInfiniteQuery(auditQueryOptions(filters));
}

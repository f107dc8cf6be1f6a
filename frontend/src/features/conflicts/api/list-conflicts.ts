import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type ConflictReport = Schema<'ConflictReport'>;
export type Conflict = Schema<'ConflictOut'>;
export type Suggestion = Schema<'SuggestionOut'>;

export const conflictsQueryKey = ['conflicts'] as const;

/** The conflicts of a window of org-timezone dates (`to` included, at most 62 days). */
export function listConflicts(from: string, to: string): Promise<ConflictReport> {
  const params = new URLSearchParams({ from, to });
  return api.get<ConflictReport>(`${API_PREFIX}/conflicts?${params.toString()}`);
}

export function conflictsQueryOptions(from: string, to: string) {
  return queryOptions({
    queryKey: [...conflictsQueryKey, { from, to }] as const,
    queryFn: () => listConflicts(from, to),
    staleTime: 15_000,
  });
}

export function useConflicts(from: string, to: string) {
  return useQuery(conflictsQueryOptions(from, to));
}

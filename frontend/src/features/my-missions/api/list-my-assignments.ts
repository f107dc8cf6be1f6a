import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type Assignment = Schema<'AssignmentOut'>;
export type AssignmentPage = Schema<'AssignmentPage'>;

export const myAssignmentsQueryKey = ['my-missions', 'assignments'] as const;

/** The assignments of the users linked to the signed-in account (`mine=true`). */
export function listMyAssignments(): Promise<AssignmentPage> {
  return api.get<AssignmentPage>(`${API_PREFIX}/assignments?mine=true&page_size=200`);
}

export function myAssignmentsQueryOptions() {
  return queryOptions({ queryKey: myAssignmentsQueryKey, queryFn: listMyAssignments, staleTime: 15_000 });
}

export function useMyAssignments() {
  return useQuery(myAssignmentsQueryOptions());
}

import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type ColleagueAssignment = Schema<'AssignmentOut'>;
type AssignmentPage = Schema<'AssignmentPage'>;
type UserPage = Schema<'UserPage'>;

/** The colleagues who log in (only they can accept in the app), by name. */
export function colleaguesQueryOptions() {
  return queryOptions({
    queryKey: ['swaps', 'colleagues'],
    queryFn: () => api.get<UserPage>(`${API_PREFIX}/users?page_size=200&sort=last_name`),
    staleTime: 60_000,
    select: (page: UserPage) => page.items.filter((u) => u.account_id !== null),
  });
}

export function useColleagues(enabled: boolean) {
  return useQuery({ ...colleaguesQueryOptions(), enabled });
}

/** A colleague's ACCEPTED assignments, to pick the one a swap would take. */
export function useColleagueAssignments(userId: number | null) {
  return useQuery({
    queryKey: ['swaps', 'colleague-assignments', userId],
    queryFn: () =>
      api.get<AssignmentPage>(
        `${API_PREFIX}/assignments?user=${userId}&status=ACCEPTED&page_size=200&sort=starts_at`,
      ),
    enabled: userId !== null,
    staleTime: 15_000,
  });
}

import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type CrewUser = Schema<'UserOut'>;
export type CrewUserPage = Schema<'UserPage'>;

/** The users the side list offers to drag onto missions (first 200 matching the search). */
export function listCrewUsers(q: string, signal?: AbortSignal): Promise<CrewUserPage> {
  const params = new URLSearchParams({ page_size: '200' });
  if (q.trim()) params.set('q', q.trim());
  return api.get<CrewUserPage>(`${API_PREFIX}/users?${params}`, { signal });
}

export function crewUsersQueryOptions(q: string) {
  return queryOptions({
    queryKey: ['users', { q, page_size: 200 }],
    queryFn: ({ signal }) => listCrewUsers(q, signal),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

export function useCrewUsers(q = '') {
  return useQuery(crewUsersQueryOptions(q));
}

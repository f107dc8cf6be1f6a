import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type User = Schema<'UserOut'>;

export function getUser(userId: number, signal?: AbortSignal): Promise<User> {
  return api.get<User>(`${API_PREFIX}/users/${userId}`, { signal });
}

/** Same key as the users screens' detail, so the cache is shared. */
export function userQueryOptions(userId: number) {
  return queryOptions({
    queryKey: ['users', 'detail', userId] as const,
    queryFn: ({ signal }) => getUser(userId, signal),
    staleTime: 60_000,
  });
}

export function useUser(userId: number) {
  return useQuery(userQueryOptions(userId));
}

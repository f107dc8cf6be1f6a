import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import { usersQueryKey, type User } from '@/features/users/api/list-users';

export function getUser(userId: number): Promise<User> {
  return api.get<User>(`${API_PREFIX}/users/${userId}`);
}

export function userQueryOptions(userId: number) {
  return queryOptions({ queryKey: [...usersQueryKey, 'detail', userId] as const, queryFn: () => getUser(userId) });
}

export function useUser(userId: number) {
  return useQuery(userQueryOptions(userId));
}

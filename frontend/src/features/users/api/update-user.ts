import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { usersQueryKey, type User } from '@/features/users/api/list-users';
import { certificationsQueryKey } from '@/features/users/api/list-expiring-certifications';

export type UserUpdate = Schema<'UserUpdate'>;

/** PATCH a user: only the fields given change (a list such as `skills` is replaced whole). */
export function updateUser(userId: number, body: UserUpdate): Promise<User> {
  return api.patch<User>(`${API_PREFIX}/users/${userId}`, body);
}

export function useUpdateUser(userId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserUpdate) => updateUser(userId, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: usersQueryKey }),
        queryClient.invalidateQueries({ queryKey: certificationsQueryKey }),
      ]),
  });
}

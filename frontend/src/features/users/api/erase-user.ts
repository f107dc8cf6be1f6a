import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { usersQueryKey } from '@/features/users/api/list-users';

export type ErasureRequest = Schema<'ErasureRequest'>;
export type ErasureOut = Schema<'ErasureOut'>;

/** POST the erasure of a person (pseudonymisation, docs/rgpd.md); `confirm` is their full name. */
export function eraseUser(userId: number, body: ErasureRequest): Promise<ErasureOut> {
  return api.post<ErasureOut>(`${API_PREFIX}/users/${userId}/erase`, body);
}

export function useEraseUser(userId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ErasureRequest) => eraseUser(userId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { meQueryOptions } from '@/features/auth/api/get-me';

export type LoginInput = Schema<'LoginIn'>;
export type Session = Schema<'SessionOut'>;

export function login(input: LoginInput): Promise<Session> {
  // A 401 here means wrong credentials, not an expired session.
  return api.post<Session>(`${API_PREFIX}/auth/login`, input, { skipRefresh: true });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: async () => {
      // Whatever was cached belonged to no session or to another account.
      queryClient.removeQueries();
      await queryClient.fetchQuery(meQueryOptions());
    },
  });
}

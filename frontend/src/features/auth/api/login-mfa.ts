import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { meQueryOptions } from '@/features/auth/api/get-me';

export type LoginMfaInput = Schema<'LoginMfaIn'>;

/** The login's second step: the challenge of the first and a TOTP or recovery code. */
export function loginMfa(input: LoginMfaInput): Promise<Schema<'SessionOut'>> {
  return api.post(`${API_PREFIX}/auth/login/mfa`, input, { skipRefresh: true });
}

export function useLoginMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: loginMfa,
    onSuccess: async () => {
      queryClient.removeQueries();
      await queryClient.fetchQuery(meQueryOptions());
    },
  });
}

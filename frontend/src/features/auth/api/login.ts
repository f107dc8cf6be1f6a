import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { meQueryOptions } from '@/features/auth/api/get-me';

export type LoginInput = Schema<'LoginIn'>;
export type Session = Schema<'SessionOut'>;
export type MfaChallenge = Schema<'MfaChallengeOut'>;
/** A session, or the second step to pass when the account has two-step verification on. */
export type LoginResult = Session | MfaChallenge;

export function login(input: LoginInput): Promise<LoginResult> {
  // A 401 here means wrong credentials, not an expired session.
  return api.post<LoginResult>(`${API_PREFIX}/auth/login`, input, { skipRefresh: true });
}

export function isMfaChallenge(result: LoginResult): result is MfaChallenge {
  return result.status === 'mfa_required';
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: async (result) => {
      if (isMfaChallenge(result)) return; // no session yet
      // Whatever was cached belonged to no session or to another account.
      queryClient.removeQueries();
      await queryClient.fetchQuery(meQueryOptions());
    },
  });
}

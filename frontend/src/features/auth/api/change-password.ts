import { useMutation } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type ChangePasswordInput = Schema<'PasswordChangeIn'>;

export function changePassword(input: ChangePasswordInput): Promise<Schema<'SessionOut'>> {
  return api.post(`${API_PREFIX}/auth/password`, input);
}

/** The server ends every other session and answers with a fresh one for this browser. */
export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}

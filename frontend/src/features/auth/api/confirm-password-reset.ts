import { useMutation } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type ResetConfirmInput = Schema<'ResetConfirmIn'>;

export function confirmPasswordReset(input: ResetConfirmInput): Promise<unknown> {
  return api.post(`${API_PREFIX}/auth/password-reset/confirm`, input, { skipRefresh: true });
}

export function useConfirmPasswordReset() {
  return useMutation({ mutationFn: confirmPasswordReset });
}

import { useMutation } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type ResetRequestInput = Schema<'ResetRequestIn'>;

export function requestPasswordReset(input: ResetRequestInput): Promise<unknown> {
  return api.post(`${API_PREFIX}/auth/password-reset`, input, { skipRefresh: true });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { mfaQueryKey } from '@/features/auth/api/get-mfa-status';

/** New recovery codes against a code of the app; the old ones stop working. */
export function regenerateRecoveryCodes(input: Schema<'MfaCodeIn'>): Promise<Schema<'RecoveryCodesOut'>> {
  return api.post(`${API_PREFIX}/auth/mfa/recovery-codes`, input);
}

export function useRegenerateRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: regenerateRecoveryCodes,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mfaQueryKey }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { meQueryKey } from '@/features/auth/api/get-me';
import { mfaQueryKey } from '@/features/auth/api/get-mfa-status';

export type RecoveryCodes = Schema<'RecoveryCodesOut'>;

export function confirmMfaEnrolment(input: Schema<'MfaCodeIn'>): Promise<RecoveryCodes> {
  return api.post<RecoveryCodes>(`${API_PREFIX}/auth/mfa/enrolment/confirm`, input);
}

/**
 * No invalidation on success: the status would turn "on" and replace the screen that
 * shows the recovery codes, which are never shown again. {@link useRefreshMe} runs once
 * the user says they kept them.
 */
export function useConfirmMfaEnrolment() {
  return useMutation({ mutationFn: confirmMfaEnrolment });
}

/** Reads the account and its MFA status again (after enrolment, or a policy change). */
export function useRefreshMe() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: mfaQueryKey });
    await queryClient.invalidateQueries({ queryKey: meQueryKey });
  };
}

import { useMutation } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type MfaEnrolment = Schema<'MfaEnrolmentOut'>;

/** A new secret to scan or type; two-step verification is on only once a code confirms it. */
export function startMfaEnrolment(): Promise<MfaEnrolment> {
  return api.post<MfaEnrolment>(`${API_PREFIX}/auth/mfa/enrolment`);
}

export function useStartMfaEnrolment() {
  return useMutation({ mutationFn: startMfaEnrolment });
}

import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type MfaStatus = Schema<'MfaStatusOut'>;

export const mfaQueryKey = ['auth', 'mfa'] as const;

export function getMfaStatus(): Promise<MfaStatus> {
  return api.get<MfaStatus>(`${API_PREFIX}/auth/mfa`);
}

export function mfaStatusQueryOptions() {
  return queryOptions({ queryKey: [...mfaQueryKey, 'status'], queryFn: getMfaStatus });
}

export function useMfaStatus() {
  return useQuery(mfaStatusQueryOptions());
}

import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { mfaQueryKey } from '@/features/auth/api/get-mfa-status';

export type TrustedDevice = Schema<'TrustedDeviceOut'>;

export function listTrustedDevices(): Promise<TrustedDevice[]> {
  return api.get<TrustedDevice[]>(`${API_PREFIX}/auth/mfa/devices`);
}

export function trustedDevicesQueryOptions() {
  return queryOptions({ queryKey: [...mfaQueryKey, 'devices'], queryFn: listTrustedDevices });
}

export function useTrustedDevices(enabled: boolean) {
  return useQuery({ ...trustedDevicesQueryOptions(), enabled });
}

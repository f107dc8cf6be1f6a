import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { mfaQueryKey } from '@/features/auth/api/get-mfa-status';

export type TrustedDevice = Schema<'TrustedDeviceOut'>;
export type TrustedDevicePage = Schema<'TrustedDevicePage'>;

/** An account trusts a handful of browsers: one page of 200 holds them all. */
export function listTrustedDevices(): Promise<TrustedDevicePage> {
  return api.get<TrustedDevicePage>(`${API_PREFIX}/auth/mfa/devices?page_size=200`);
}

export function trustedDevicesQueryOptions() {
  return queryOptions({ queryKey: [...mfaQueryKey, 'devices'], queryFn: listTrustedDevices });
}

export function useTrustedDevices(enabled: boolean) {
  return useQuery({ ...trustedDevicesQueryOptions(), enabled });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import { mfaQueryKey } from '@/features/auth/api/get-mfa-status';

export function revokeTrustedDevice(id: number): Promise<void> {
  return api.delete(`${API_PREFIX}/auth/mfa/devices/${id}`);
}

export function useRevokeTrustedDevice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeTrustedDevice,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mfaQueryKey }),
  });
}

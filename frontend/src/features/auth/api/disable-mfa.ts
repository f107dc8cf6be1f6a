import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { meQueryKey } from '@/features/auth/api/get-me';
import { mfaQueryKey } from '@/features/auth/api/get-mfa-status';

export function disableMfa(input: Schema<'MfaDisableIn'>): Promise<void> {
  return api.post(`${API_PREFIX}/auth/mfa/disable`, input);
}

export function useDisableMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: disableMfa,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: mfaQueryKey });
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

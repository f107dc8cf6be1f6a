import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import { apiKeysQueryKey } from '@/features/api-keys/api/list-api-keys';

export function revokeApiKey(keyId: number): Promise<void> {
  return api.delete<void>(`${API_PREFIX}/orgs/current/api-keys/${keyId}`);
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeApiKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQueryKey }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { apiKeysQueryKey } from '@/features/api-keys/api/list-api-keys';

export type CreateApiKeyInput = Schema<'ApiKeyCreate'>;
/** The new key with its clear value (`key`), which the API never shows again. */
export type CreatedApiKey = Schema<'ApiKeyCreated'>;

export function createApiKey(input: CreateApiKeyInput): Promise<CreatedApiKey> {
  return api.post<CreatedApiKey>(`${API_PREFIX}/orgs/current/api-keys`, input);
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createApiKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQueryKey }),
  });
}

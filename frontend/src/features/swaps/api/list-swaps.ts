import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import { swapsQueryKey, type SwapPage } from '@/features/swaps/api/list-my-swaps';

/** GET /swaps (managers): the org's proposals, newest first, optionally by status. */
export function listSwaps(status?: string): Promise<SwapPage> {
  const query = new URLSearchParams({ page_size: '200', sort: '-updated_at' });
  if (status) query.set('status', status);
  return api.get<SwapPage>(`${API_PREFIX}/swaps?${query.toString()}`);
}

export function swapsQueryOptions(status?: string) {
  return queryOptions({
    queryKey: [...swapsQueryKey, 'org', status ?? 'all'],
    queryFn: () => listSwaps(status),
    staleTime: 15_000,
  });
}

export function useSwaps(status?: string) {
  return useQuery(swapsQueryOptions(status));
}

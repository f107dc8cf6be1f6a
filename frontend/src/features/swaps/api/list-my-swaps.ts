import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type Swap = Schema<'SwapOut'>;
export type SwapPage = Schema<'SwapPage'>;

export const swapsQueryKey = ['swaps'] as const;
export const mySwapsQueryKey = ['swaps', 'mine'] as const;

/** GET /swaps/mine: my proposals, those addressed to me, and colleagues' open handovers. */
export function listMySwaps(): Promise<SwapPage> {
  return api.get<SwapPage>(`${API_PREFIX}/swaps/mine?page_size=200&sort=-created_at`);
}

export function mySwapsQueryOptions() {
  return queryOptions({ queryKey: mySwapsQueryKey, queryFn: listMySwaps, staleTime: 15_000 });
}

export function useMySwaps() {
  return useQuery(mySwapsQueryOptions());
}

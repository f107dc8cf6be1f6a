import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { swapsQueryKey, type Swap } from '@/features/swaps/api/list-my-swaps';

export type SwapCreate = Schema<'SwapCreate'>;

/** POST /swaps: offer one of my ACCEPTED assignments (handover or swap). */
export function createSwap(body: SwapCreate): Promise<Swap> {
  return api.post<Swap>(`${API_PREFIX}/swaps`, body);
}

export function useCreateSwap() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSwap,
    onSettled: () => queryClient.invalidateQueries({ queryKey: swapsQueryKey }),
  });
}

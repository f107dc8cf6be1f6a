import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import { swapsQueryKey, type Swap } from '@/features/swaps/api/list-my-swaps';

/** The steps of a proposal: the colleague accepts or declines, the proposer cancels,
 * a manager approves or rejects (POST /swaps/{id}/<step>). */
export type SwapStep = 'accept' | 'decline' | 'cancel' | 'approve' | 'reject';

export interface DecideSwapInput {
  swapId: number;
  step: SwapStep;
  comment?: string;
}

export function decideSwap({ swapId, step, comment }: DecideSwapInput): Promise<Swap> {
  const text = comment?.trim();
  return api.post<Swap>(`${API_PREFIX}/swaps/${swapId}/${step}`, text ? { comment: text } : undefined);
}

/** Every step changes who holds which mission: the swaps and My Missions are refreshed. */
export function useDecideSwap() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideSwap,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: swapsQueryKey });
      await queryClient.invalidateQueries({ queryKey: ['my-missions'] });
    },
  });
}

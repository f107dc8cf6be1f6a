import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import {
  publicAvailabilityQueryOptions,
  publicPath,
  type PublicAvailabilityRequest,
} from '@/features/availability-requests/api/get-public-availability-request';

export type AnswerCell = Schema<'AnswerCell'>;

export interface AnswerAvailabilityInput {
  recipientId: string;
  token: string;
  answers: AnswerCell[];
}

/** Replaces every answer of the person (public, by signed link, no CSRF). */
export function answerAvailabilityRequest({ recipientId, token, answers }: AnswerAvailabilityInput): Promise<PublicAvailabilityRequest> {
  return api.put<PublicAvailabilityRequest>(publicPath(recipientId, token), { answers }, { skipRefresh: true });
}

export function useAnswerAvailabilityRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: answerAvailabilityRequest,
    onSuccess: (result, { recipientId, token }) => {
      queryClient.setQueryData(publicAvailabilityQueryOptions(recipientId, token).queryKey, result);
    },
  });
}

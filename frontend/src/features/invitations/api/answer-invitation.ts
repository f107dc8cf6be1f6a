import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import {
  publicInvitationQueryOptions,
  type PublicInvitation,
} from '@/features/invitations/api/get-public-invitation';

export type PublicAnswer = Schema<'PublicAnswerOut'>;

export interface AnswerInvitationInput {
  invitationId: string;
  token: string;
  accept: boolean;
  reason?: string;
}

/**
 * Public answer through the signed link (no session needed, no CSRF): idempotent,
 * a replay of the same answer comes back with `replayed: true`.
 */
export function answerInvitation({ invitationId, token, accept, reason }: AnswerInvitationInput): Promise<PublicAnswer> {
  const path = `${API_PREFIX}/invitations/${encodeURIComponent(invitationId)}/${accept ? 'accept' : 'decline'}?token=${encodeURIComponent(token)}`;
  const trimmed = reason?.trim();
  const body = accept ? undefined : trimmed ? { reason: trimmed } : {};
  // A 401 here cannot be fixed by refreshing a session the visitor may not have.
  return api.post<PublicAnswer>(path, body, { skipRefresh: true });
}

export function useAnswerInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: answerInvitation,
    onSuccess: (result, { invitationId, token }) => {
      // The page read before answering is now answered: coming back to it says so.
      queryClient.setQueryData(
        publicInvitationQueryOptions(invitationId, token).queryKey,
        (previous: PublicInvitation | undefined) =>
          previous
            ? {
                ...previous,
                answer: result.answer,
                answered_at: result.answered_at,
                assignment_status: result.assignment_status,
              }
            : previous,
      );
    },
  });
}

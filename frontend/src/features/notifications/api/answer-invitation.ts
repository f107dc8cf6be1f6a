import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { notificationsQueryKey } from '@/features/notifications/api/list-notifications';

type Assignment = Schema<'AssignmentOut'>;

export interface AnswerInvitationInput {
  assignmentId: number;
  accept: boolean;
  /** The notification answered from: marked read with the answer. */
  notificationId: number;
}

/** The signed-in person answers their own invitation (POST /assignments/{id}/accept | decline). */
export async function answerInvitation({ assignmentId, accept, notificationId }: AnswerInvitationInput): Promise<Assignment> {
  const base = `${API_PREFIX}/assignments/${assignmentId}`;
  const result = await (accept ? api.post<Assignment>(`${base}/accept`) : api.post<Assignment>(`${base}/decline`, {}));
  await api.post(`${API_PREFIX}/notifications/${notificationId}/read`);
  return result;
}

export function useAnswerInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: answerInvitation,
    onSettled: async () => {
      // My Missions lists the same assignments (its key, not its code: features stay apart).
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: notificationsQueryKey }),
        queryClient.invalidateQueries({ queryKey: ['my-missions'] }),
      ]);
    },
  });
}

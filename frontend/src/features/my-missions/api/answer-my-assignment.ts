import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import { myAssignmentsQueryKey, type Assignment } from '@/features/my-missions/api/list-my-assignments';

export type AnswerInput =
  | { assignmentId: number; accept: true }
  | { assignmentId: number; accept: false; reason?: string };

/** POST /assignments/{id}/accept or /decline (with an optional reason) for my own assignment. */
export function answerMyAssignment(input: AnswerInput): Promise<Assignment> {
  const base = `${API_PREFIX}/assignments/${input.assignmentId}`;
  if (input.accept) return api.post<Assignment>(`${base}/accept`);
  const reason = input.reason?.trim();
  return api.post<Assignment>(`${base}/decline`, reason ? { reason } : {});
}

export function useAnswerMyAssignment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: answerMyAssignment,
    onSettled: () => queryClient.invalidateQueries({ queryKey: myAssignmentsQueryKey }),
  });
}

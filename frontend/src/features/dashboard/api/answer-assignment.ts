import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { dashboardQueryKey } from '@/features/dashboard/api/get-dashboard';

export type Assignment = Schema<'AssignmentOut'>;

export type AnswerInput =
  | { assignmentId: number; accept: true }
  | { assignmentId: number; accept: false; reason?: string };

/** POST /assignments/{id}/accept or /decline: the caller answers their own invitation. */
export function answerAssignment(input: AnswerInput): Promise<Assignment> {
  const base = `${API_PREFIX}/assignments/${input.assignmentId}`;
  if (input.accept) return api.post<Assignment>(`${base}/accept`);
  const reason = input.reason?.trim();
  return api.post<Assignment>(`${base}/decline`, reason ? { reason } : {});
}

export function useAnswerAssignment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: answerAssignment,
    // My Missions lists the same assignments (its key, by name: features do not import each other).
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: dashboardQueryKey }),
        queryClient.invalidateQueries({ queryKey: ['my-missions'] }),
      ]),
  });
}

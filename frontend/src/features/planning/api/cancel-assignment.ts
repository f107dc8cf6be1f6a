import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { planningBaseKey } from '@/features/planning/api/get-planning';

export type Assignment = Schema<'AssignmentOut'>;

/** Cancels an assignment (the Undo of an invitation): its invitation link is revoked. */
export function cancelAssignment(assignmentId: number): Promise<Assignment> {
  return api.post<Assignment>(`${API_PREFIX}/assignments/${assignmentId}/cancel`);
}

export function useCancelAssignment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelAssignment,
    onSettled: () => queryClient.invalidateQueries({ queryKey: planningBaseKey }),
  });
}

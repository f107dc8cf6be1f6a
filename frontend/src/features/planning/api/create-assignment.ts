import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { planningBaseKey } from '@/features/planning/api/get-planning';

export type AssignmentCreate = Schema<'AssignmentCreate'>;
export type AssignmentInvited = Schema<'AssignmentInvitedOut'>;
export type Conflict = Schema<'ConflictOut'>;

/** Invites a user on a mission role; the answer carries the rules the invite breaks (warnings). */
export function createAssignment(input: AssignmentCreate): Promise<AssignmentInvited> {
  return api.post<AssignmentInvited>(`${API_PREFIX}/assignments`, input);
}

export function useCreateAssignment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAssignment,
    onSettled: () => queryClient.invalidateQueries({ queryKey: planningBaseKey }),
  });
}

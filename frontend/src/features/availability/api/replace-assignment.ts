import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { availabilityQueryKey } from '@/features/availability/api/list-availability-windows';

export type ReplaceAssignmentInput = Schema<'ConflictResolveIn'>;
export type ReplacedAssignment = Schema<'AssignmentInvitedOut'>;

/** Cancels the absent person's assignment and invites the replacement on the same role
 * (the conflicts' replace shortcut). */
export function replaceAssignment(body: ReplaceAssignmentInput): Promise<ReplacedAssignment> {
  return api.post<ReplacedAssignment>(`${API_PREFIX}/conflicts/resolve`, body);
}

export function useReplaceAssignment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: replaceAssignment,
    onSettled: async () => {
      // The overlaps of the absence, the conflicts and the planning all change.
      await queryClient.invalidateQueries({ queryKey: availabilityQueryKey });
      await queryClient.invalidateQueries({ queryKey: ['conflicts'] });
      await queryClient.invalidateQueries({ queryKey: ['planning'] });
    },
  });
}

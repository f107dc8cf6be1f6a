import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { conflictsQueryKey } from '@/features/conflicts/api/list-conflicts';

export type ResolveConflictInput = Schema<'ConflictResolveIn'>;
export type InvitedAssignment = Schema<'AssignmentInvitedOut'>;

/** Cancels the target assignment and invites the replacement on the same mission role. */
export function resolveConflict(body: ResolveConflictInput): Promise<InvitedAssignment> {
  return api.post<InvitedAssignment>(`${API_PREFIX}/conflicts/resolve`, body);
}

export function useResolveConflict() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resolveConflict,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: conflictsQueryKey });
      // The planning windows show the swap too.
      await queryClient.invalidateQueries({ queryKey: ['planning'] });
    },
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import { planningBaseKey } from '@/features/planning/api/get-planning';
import { missionAssignmentsBaseKey, type Invitation } from '@/features/planning/api/list-mission-assignments';

/** Revokes the link and sends a new one (new token, fresh expiry); the answer is the new invitation. */
export function resendInvitation(invitationId: number): Promise<Invitation> {
  return api.post<Invitation>(`${API_PREFIX}/invitations/${invitationId}/resend`);
}

export function useResendInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resendInvitation,
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: missionAssignmentsBaseKey }),
        queryClient.invalidateQueries({ queryKey: planningBaseKey }),
      ]);
    },
  });
}

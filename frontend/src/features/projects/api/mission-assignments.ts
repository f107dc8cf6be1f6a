import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { invalidateMissionData, missionBaseKey } from '@/features/projects/api/get-mission';

export type Assignment = Schema<'AssignmentOut'>;
export type AssignmentPage = Schema<'AssignmentPage'>;
export type AssignmentInvited = Schema<'AssignmentInvitedOut'>;
export type Invitation = Schema<'InvitationOut'>;

export function missionAssignmentsKey(missionId: number) {
  return [...missionBaseKey, missionId, 'assignments'] as const;
}

/** GET /assignments?mission=: every assignment of the mission with its invitation and delivery. */
export function listMissionAssignments(missionId: number, signal?: AbortSignal): Promise<AssignmentPage> {
  const params = new URLSearchParams({ mission: String(missionId), page_size: '200' });
  return api.get<AssignmentPage>(`${API_PREFIX}/assignments?${params}`, { signal });
}

export function useMissionAssignmentList(missionId: number) {
  return useQuery(
    queryOptions({
      queryKey: missionAssignmentsKey(missionId),
      queryFn: ({ signal }) => listMissionAssignments(missionId, signal),
      staleTime: 15_000,
    }),
  );
}

export type AssignmentAction =
  | { kind: 'invite'; missionRoleId: number; userId: number; reserve: boolean }
  | { kind: 'cancel'; assignmentId: number }
  | { kind: 'resend'; invitationId: number };

/** Invite (POST /assignments), cancel (POST /assignments/{id}/cancel) or resend a link
 * (POST /invitations/{id}/resend) from the mission page. */
export function runAssignmentAction(action: AssignmentAction): Promise<AssignmentInvited | Assignment | Invitation> {
  if (action.kind === 'invite')
    return api.post<AssignmentInvited>(`${API_PREFIX}/assignments`, {
      mission_role_id: action.missionRoleId,
      user_id: action.userId,
      reserve: action.reserve,
    });
  if (action.kind === 'cancel') return api.post<Assignment>(`${API_PREFIX}/assignments/${action.assignmentId}/cancel`);
  return api.post<Invitation>(`${API_PREFIX}/invitations/${action.invitationId}/resend`);
}

export function useAssignmentAction() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: runAssignmentAction, onSettled: () => invalidateMissionData(queryClient) });
}

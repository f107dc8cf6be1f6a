import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type Assignment = Schema<'AssignmentOut'>;
export type AssignmentPage = Schema<'AssignmentPage'>;
export type Invitation = Schema<'InvitationOut'>;
export type Delivery = Schema<'DeliveryOut'>;

/** Apart from ['planning']: the live patches there expect a Planning, not a page. */
export const missionAssignmentsBaseKey = ['mission-assignments'] as const;

export function missionAssignmentsQueryKey(missionId: number) {
  return [...missionAssignmentsBaseKey, missionId] as const;
}

/** How often the panel looks again while a link waits for its first send (the job runs in seconds). */
export const DELIVERY_POLL_MS = 5_000;

/**
 * The invitation of each assignment of a mission (the planning rows only carry
 * `delivery_status`): its id for a resend, the channel and the last error.
 */
export function listMissionAssignments(missionId: number, signal?: AbortSignal): Promise<AssignmentPage> {
  const params = new URLSearchParams({ mission: String(missionId), page_size: '100' });
  return api.get<AssignmentPage>(`${API_PREFIX}/assignments?${params}`, { signal });
}

/** A link the core still has to send (a plugin's channel may take longer: no polling for it). */
export function awaitsFirstSend(assignment: Assignment): boolean {
  const delivery = assignment.invitation?.delivery;
  return assignment.status === 'INVITED' && delivery?.status === 'queued' && delivery.channel !== 'plugin';
}

export function missionAssignmentsQueryOptions(missionId: number) {
  return queryOptions({
    queryKey: missionAssignmentsQueryKey(missionId),
    queryFn: ({ signal }) => listMissionAssignments(missionId, signal),
    staleTime: 30_000,
    refetchInterval: (query) => (query.state.data?.items.some(awaitsFirstSend) ? DELIVERY_POLL_MS : false),
  });
}

export function useMissionAssignments(missionId: number) {
  return useQuery(missionAssignmentsQueryOptions(missionId));
}

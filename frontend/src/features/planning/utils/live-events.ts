/** How a live event (GET /api/v1/events) changes a cached planning: pure, tested. */
import type { Planning } from '@/features/planning/api/get-planning';

export const ASSIGNMENT_EVENT_STATUS = {
  AssignmentInvited: 'INVITED',
  AssignmentAccepted: 'ACCEPTED',
  AssignmentDeclined: 'DECLINED',
  AssignmentCancelled: 'CANCELLED',
  // A reserve who had accepted is given a place: still ACCEPTED, no longer a reserve.
  AssignmentPromoted: 'ACCEPTED',
} as const;

export type AssignmentEventKind = keyof typeof ASSIGNMENT_EVENT_STATUS;
/** Events that change what the planning shows in ways a refetch picks up. */
export const REFETCH_EVENT_KINDS = ['MissionChanged', 'InvitationDeliveryFailed'] as const;
export const LIVE_EVENT_KINDS = [...Object.keys(ASSIGNMENT_EVENT_STATUS), ...REFETCH_EVENT_KINDS] as const;

export interface AssignmentEventData {
  assignment_id: number;
  mission_id: number;
  mission_role_id: number;
  user_id: number;
  reason?: string | null;
  /** AssignmentInvited / AssignmentAccepted: a reserve's invitation or answer. */
  reserve?: boolean;
}

/**
 * The planning with the assignment's new status, or the same object when the
 * assignment is not in it (a new invite: the caller refetches instead).
 */
export function applyAssignmentEvent(
  planning: Planning | undefined,
  kind: AssignmentEventKind,
  data: AssignmentEventData,
): Planning | undefined {
  if (!planning) return planning;
  const status = ASSIGNMENT_EVENT_STATUS[kind];
  let changed = false;
  const promoted = kind === 'AssignmentPromoted';
  const assignments = planning.assignments.map((a) => {
    if (a.id !== data.assignment_id) return a;
    if (a.status === status && !(promoted && a.reserve)) return a;
    changed = true;
    return {
      ...a,
      status,
      // The queue position comes with the refetch that follows.
      ...(promoted ? { reserve: false, reserve_position: null } : {}),
      // Only an invitation waiting for an answer has a delivery state to show.
      delivery_status: status === 'INVITED' ? a.delivery_status : null,
      decline_reason: kind === 'AssignmentDeclined' ? (data.reason ?? a.decline_reason) : a.decline_reason,
    };
  });
  return changed ? { ...planning, assignments } : planning;
}

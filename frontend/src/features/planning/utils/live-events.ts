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

/** Which role count an assignment status is in (a cancel is in none). */
const ROLE_COUNT: Record<string, 'pending' | 'accepted' | 'declined' | undefined> = {
  INVITED: 'pending',
  ACCEPTED: 'accepted',
  DECLINED: 'declined',
};

type RoleCount = 'pending' | 'accepted' | 'declined' | 'reserves';

/** The role count an assignment is in: an active reserve holds no place, only `reserves`. */
function roleCount(status: string, reserve: boolean): RoleCount | undefined {
  if (reserve && (status === 'INVITED' || status === 'ACCEPTED')) return 'reserves';
  return ROLE_COUNT[status];
}

/** Minutes of [starts, ends) inside the planning's window, as the API counts them. */
export function minutesInside(window: { from: string; to: string }, startsAt: string, endsAt: string): number {
  const start = Math.max(Date.parse(startsAt), Date.parse(window.from));
  const end = Math.min(Date.parse(endsAt), Date.parse(window.to));
  return Math.max(0, Math.floor((end - start) / 60_000));
}

/**
 * The planning with the assignment's new status, its role's counts and its user's
 * minutes moved along (as the API would count them), or the same object when the
 * assignment is not in it (a new invite: the caller refetches instead).
 */
export function applyAssignmentEvent(
  planning: Planning | undefined,
  kind: AssignmentEventKind,
  data: AssignmentEventData,
): Planning | undefined {
  if (!planning) return planning;
  const status = ASSIGNMENT_EVENT_STATUS[kind];
  const before = planning.assignments.find((a) => a.id === data.assignment_id);
  if (!before) return planning;
  const wasReserve = Boolean(before.reserve);
  const reserve = kind === 'AssignmentPromoted' ? false : wasReserve;
  if (before.status === status && wasReserve === reserve) return planning;
  const assignments = planning.assignments.map((a) =>
    a !== before
      ? a
      : {
          ...a,
          status,
          reserve,
          // The place in line comes with the refetch that follows.
          reserve_position: reserve ? a.reserve_position : null,
          // Only an invitation waiting for an answer has a delivery state to show.
          delivery_status: status === 'INVITED' ? a.delivery_status : null,
          decline_reason: kind === 'AssignmentDeclined' ? (data.reason ?? a.decline_reason) : a.decline_reason,
        },
  );
  const leaves = roleCount(before.status, wasReserve);
  const joins = roleCount(status, reserve);
  const missions = planning.missions.map((mission) =>
    mission.id !== before.mission_id
      ? mission
      : {
          ...mission,
          roles: mission.roles.map((role) => {
            if (role.id !== before.mission_role_id) return role;
            const next = { ...role };
            if (leaves) next[leaves] = Math.max(0, next[leaves] - 1);
            if (joins) next[joins] += 1;
            next.open = Math.max(0, next.quota - next.accepted);
            return next;
          }),
        },
  );
  // An assignment's times are its mission's (always in the planning with it).
  const mission = planning.missions.find((m) => m.id === before.mission_id);
  const inside = mission ? minutesInside(planning, mission.starts_at, mission.ends_at) : 0;
  // A reserve works no minutes until it holds a place.
  const planned = (s: string, r: boolean) => (!r && (s === 'INVITED' || s === 'ACCEPTED') ? inside : 0);
  const accepted = (s: string, r: boolean) => (!r && s === 'ACCEPTED' ? inside : 0);
  const users = planning.users.map((user) =>
    user.id !== before.user_id
      ? user
      : {
          ...user,
          planned_minutes: Math.max(
            0,
            user.planned_minutes - planned(before.status, wasReserve) + planned(status, reserve),
          ),
          accepted_minutes: Math.max(
            0,
            user.accepted_minutes - accepted(before.status, wasReserve) + accepted(status, reserve),
          ),
        },
  );
  return { ...planning, assignments, missions, users };
}

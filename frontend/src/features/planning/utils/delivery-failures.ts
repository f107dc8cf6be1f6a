/**
 * The live event `InvitationDeliveryFailed` (a link that did not reach its user,
 * after every attempt): reading it safely and keeping the inviter's notices. Pure, tested.
 */
import { isDeliveryStatus, type DeliveryStatus } from '@/features/planning/utils/delivery';

export const DELIVERY_FAILED_EVENT = 'InvitationDeliveryFailed';

export interface DeliveryFailure {
  invitation_id: number;
  assignment_id: number;
  mission_id: number;
  user_id: number;
  delivery_status: DeliveryStatus;
  channel: string | null;
  error: string | null;
  inviter_account_id: number | null;
}

const isId = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

/** The event's data, or null when it is not one (a stream is input like any other). */
export function parseDeliveryFailure(data: unknown): DeliveryFailure | null {
  if (!data || typeof data !== 'object') return null;
  const d = data as Record<string, unknown>;
  if (!isId(d.invitation_id) || !isId(d.assignment_id) || !isId(d.mission_id) || !isId(d.user_id)) return null;
  if (!isDeliveryStatus(d.delivery_status)) return null;
  return {
    invitation_id: d.invitation_id,
    assignment_id: d.assignment_id,
    mission_id: d.mission_id,
    user_id: d.user_id,
    delivery_status: d.delivery_status,
    channel: typeof d.channel === 'string' ? d.channel : null,
    error: typeof d.error === 'string' ? d.error : null,
    inviter_account_id: isId(d.inviter_account_id) ? d.inviter_account_id : null,
  };
}

/** At most this many notices stay on screen (the newest). */
export const MAX_NOTICES = 5;

/**
 * The notices after a new event: only the current account's invitations, once
 * per invitation (the stream may deliver an event again after a reconnect),
 * newest first.
 */
export function addNotice(
  notices: DeliveryFailure[],
  failure: DeliveryFailure | null,
  accountId: number,
): DeliveryFailure[] {
  if (!failure || failure.inviter_account_id !== accountId) return notices;
  if (notices.some((n) => n.invitation_id === failure.invitation_id)) return notices;
  return [failure, ...notices].slice(0, MAX_NOTICES);
}

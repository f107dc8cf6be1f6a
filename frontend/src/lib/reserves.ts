/**
 * Reserves (docs/scheduling.md, "Reserves"): the places of a role are held by its
 * pending (invited) and accepted assignments that are not reserves; beyond the quota an
 * invitation is refused unless it asks for a reserve. The server decides; the UI
 * uses these to offer the reserve option and to label reserves.
 */
import type { MessageKey, MessageVars } from '@/lib/i18n/translate';

export interface RoleCounts {
  quota: number;
  pending: number;
  accepted: number;
}

/** Every place of the role is held: a new invitation needs `reserve: true`. */
export function isRoleFull(role: RoleCounts): boolean {
  return role.pending + role.accepted >= role.quota;
}

/** The API's refusal of an invitation beyond a quota (409). */
export const QUOTA_WOULD_EXCEED = 'assignment.quota_would_exceed';

export interface ReserveLike {
  reserve?: boolean | null;
  reserve_position?: number | null;
}

/** Catalog key and values of a reserve's badge ("Reserve #2"), or null for a non-reserve. */
export function reserveBadge(item: ReserveLike): [MessageKey, MessageVars | undefined] | null {
  if (!item.reserve) return null;
  if (item.reserve_position != null) return ['reserve_badge_position', { position: item.reserve_position }];
  return ['reserve_badge', undefined];
}

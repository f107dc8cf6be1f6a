import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type ConflictCheck = Schema<'ConflictCheckIn'>;
export type ConflictCheckResult = Schema<'ConflictCheckOut'>;

/**
 * Dry run of an invitation or a mission's move: the conflicts it would create. Writes
 * nothing, so it is a plain call (no cache, nothing to invalidate).
 */
export function checkAssignments(body: ConflictCheck): Promise<ConflictCheckResult> {
  return api.post<ConflictCheckResult>(`${API_PREFIX}/assignments/check`, body);
}

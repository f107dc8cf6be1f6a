/**
 * What the caller's role may do in the active org: the `actions` of GET /auth/me, read
 * by the server from the same table its route guards use (docs/rbac.md). The UI shows
 * a control only when its action is listed, so a click never ends in a 403; the server
 * still enforces every rule.
 */
import type { Schema } from '@/lib/api/types';

export type Action = Schema<'MeOut'>['actions'][number];

export function can(actions: readonly string[] | null | undefined, action: Action): boolean {
  return actions?.includes(action) ?? false;
}

/**
 * The API key scopes as the create form shows them: one row per area, a read and
 * (when the area has one) a write checkbox. The list mirrors SCOPE_AREAS in
 * core/src/coulisses/auth/rbac.py; the types below fail the build if the API's closed
 * list (generated from OpenAPI) gains or loses a scope this table does not know.
 */
import type { Schema } from '@/lib/api/types';

export type Scope = Schema<'ApiKeyCreate'>['scopes'][number];

export interface ScopeArea {
  area: string;
  read: Scope;
  write: Scope | null;
}

export const SCOPE_AREAS = [
  { area: 'projects', read: 'projects:read', write: 'projects:write' },
  { area: 'places', read: 'places:read', write: 'places:write' },
  { area: 'missions', read: 'missions:read', write: 'missions:write' },
  { area: 'assignments', read: 'assignments:read', write: 'assignments:write' },
  { area: 'invitations', read: 'invitations:read', write: 'invitations:write' },
  { area: 'users', read: 'users:read', write: 'users:write' },
  { area: 'availability', read: 'availability:read', write: 'availability:write' },
  { area: 'rates', read: 'rates:read', write: 'rates:write' },
  { area: 'planning', read: 'planning:read', write: null },
  { area: 'members', read: 'members:read', write: 'members:write' },
  { area: 'plugins', read: 'plugins:read', write: 'plugins:write' },
  { area: 'audit', read: 'audit:read', write: null },
] as const satisfies readonly ScopeArea[];

type Listed = (typeof SCOPE_AREAS)[number]['read'] | Exclude<(typeof SCOPE_AREAS)[number]['write'], null>;
// Compile-time check: every scope of the API is in the table above.
type Unlisted = Exclude<Scope, Listed>;
export const EVERY_SCOPE_LISTED: Unlisted extends never ? true : never = true;

/** Catalog key of an area's label (`missions` -> `api_keys_area_missions`). */
export function areaKey(area: (typeof SCOPE_AREAS)[number]['area']) {
  return `api_keys_area_${area}` as const;
}

/** Expiry choices of the create form, in days (null: never). */
export const EXPIRY_DAYS = [null, 30, 90, 365] as const;

/** `expires_at` for a key made now that lasts `days` (null: no expiry). */
export function expiryFrom(days: number | null, now: Date = new Date()): string | null {
  return days === null ? null : new Date(now.getTime() + days * 86_400_000).toISOString();
}

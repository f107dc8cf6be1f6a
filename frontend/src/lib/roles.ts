/**
 * Org roles, lowest to highest, as the server ranks them (core/src/coulisses/auth/rbac.py).
 * What the caller may do comes from GET /auth/me `actions` (lib/actions.ts); this module
 * names and ranks roles as data (a member's role, a project manager candidate).
 */
import type { MessageKey } from '@/lib/i18n/translate';

export const ROLES = ['tech', 'manager', 'admin', 'owner'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function hasRole(role: string | null | undefined, minimum: Role): boolean {
  if (!isRole(role)) return false;
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}

/** Roles a member may hand out: owner only with the action `owners.manage`. */
export function assignableRoles(canGrantOwner: boolean): Role[] {
  return ROLES.filter((role) => role !== 'owner' || canGrantOwner);
}

/** Catalog key of a role's display name. */
export function roleKey(role: string): MessageKey {
  switch (role) {
    case 'owner':
      return 'role_owner';
    case 'admin':
      return 'role_admin';
    case 'manager':
      return 'role_manager';
    default:
      return 'role_tech';
  }
}

/** The app's own menu entries, each behind the action that its screen needs. */
import { can, type Action } from '@/lib/actions';
import type { MessageKey } from '@/lib/i18n/translate';

export interface NavEntry {
  to: string;
  label: MessageKey;
  /** Shown only to roles that may perform it (GET /auth/me `actions`). */
  action: Action;
}

export const MAIN_NAV: NavEntry[] = [
  { to: '/planning', label: 'nav_planning', action: 'planning.read' },
  { to: '/projects', label: 'nav_projects', action: 'projects.read' },
  { to: '/places', label: 'nav_places', action: 'places.read' },
  { to: '/my-missions', label: 'nav_my_missions', action: 'assignments.answer_own' },
  { to: '/open-shifts', label: 'nav_open_shifts', action: 'assignments.answer_own' },
  { to: '/users', label: 'nav_users', action: 'users.read' },
  { to: '/conflicts', label: 'nav_conflicts', action: 'conflicts.read' },
  { to: '/imports', label: 'nav_imports', action: 'users.manage' },
  { to: '/swaps', label: 'nav_swaps', action: 'swaps.approve' },
  { to: '/availability-requests', label: 'nav_availability_requests', action: 'availability_requests.manage' },
];

export const SETTINGS_NAV: NavEntry[] = [
  { to: '/settings/members', label: 'nav_members', action: 'members.read' },
  { to: '/settings/plugins', label: 'nav_plugins', action: 'plugins.read' },
  { to: '/settings/absence-types', label: 'nav_absence_types', action: 'absence_types.manage' },
  { to: '/settings/audit', label: 'nav_audit', action: 'audit.read' },
  { to: '/settings/api-keys', label: 'nav_api_keys', action: 'api_keys.manage' },
  { to: '/settings/privacy', label: 'nav_privacy', action: 'retention.manage' },
];

export function visibleNav(entries: NavEntry[], actions: readonly string[]): NavEntry[] {
  return entries.filter((entry) => can(actions, entry.action));
}

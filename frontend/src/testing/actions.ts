/**
 * What GET /auth/me lists in `actions` for each role (the server derives them from
 * ACTIONS in core/src/coulisses/auth/rbac.py): test data for screens that read them.
 */
const TECH = [
  'absence_types.read',
  'assignments.answer_own',
  'assignments.read',
  'availability.read',
  'availability.request_own',
  'events.read',
  'invitations.read',
  'members.read',
  'missions.read',
  'org.read',
  'personal_data.export_own',
  'places.read',
  'planning.read',
  'plugins.read',
  'projects.read',
  'swaps.own',
  'users.read',
];
const MANAGER = [
  ...TECH,
  'absence_types.manage',
  'assignments.manage',
  'availability.approve',
  'availability_requests.manage',
  'conflicts.read',
  'invitations.manage',
  'missions.manage',
  'personal_data.export',
  'places.manage',
  'private_data.read',
  'projects.manage',
  'rates.read',
  'swaps.approve',
  'users.manage',
];
const ADMIN = [
  ...MANAGER,
  'api_keys.manage',
  'audit.read',
  'conflict_rules.manage',
  'dev.outbox.read',
  'members.manage',
  'personal_data.erase',
  'plugins.manage',
  'rates.manage',
  'retention.manage',
];

export const ACTIONS_BY_ROLE = {
  tech: TECH.sort(),
  manager: MANAGER.sort(),
  admin: ADMIN.sort(),
  owner: [...ADMIN, 'owners.manage'].sort(),
};

/** The actions of `role` (none for an unknown one). */
export function actionsOf(role: string): string[] {
  return role in ACTIONS_BY_ROLE ? ACTIONS_BY_ROLE[role as keyof typeof ACTIONS_BY_ROLE] : [];
}

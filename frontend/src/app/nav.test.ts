import { describe, expect, it } from 'vitest';

import { MAIN_NAV, SETTINGS_NAV, visibleNav } from '@/app/nav';

// As GET /auth/me lists them (core/src/coulisses/auth/rbac.py).
const TECH = [
  'assignments.answer_own',
  'assignments.read',
  'availability.read',
  'availability.request_own',
  'events.read',
  'members.read',
  'missions.read',
  'org.read',
  'planning.read',
  'plugins.read',
  'projects.read',
  'users.read',
];
const MANAGER = [...TECH, 'conflicts.read', 'missions.manage', 'assignments.manage', 'private_data.read'];

const paths = (actions: string[]) => visibleNav(MAIN_NAV, actions).map((entry) => entry.to);

describe('visibleNav', () => {
  it('shows a tech the screens they can use, not the conflicts', () => {
    expect(paths(TECH)).toEqual(['/planning', '/projects', '/my-missions', '/users']);
    expect(visibleNav(SETTINGS_NAV, TECH).map((entry) => entry.to)).toEqual(['/settings/members', '/settings/plugins']);
  });

  it('shows a manager the conflicts too', () => {
    expect(paths(MANAGER)).toContain('/conflicts');
  });

  it('shows nothing without actions', () => {
    expect(paths([])).toEqual([]);
  });
});

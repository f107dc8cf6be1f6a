import { describe, expect, it } from 'vitest';

import { MAIN_NAV, SETTINGS_NAV, visibleNav } from '@/app/nav';
import { ACTIONS_BY_ROLE, actionsOf } from '@/testing/actions';

const TECH = ACTIONS_BY_ROLE.tech;
const MANAGER = ACTIONS_BY_ROLE.manager;

const paths = (actions: string[]) => visibleNav(MAIN_NAV, actions).map((entry) => entry.to);

describe('visibleNav', () => {
  it('shows a tech the screens they can use, not the conflicts', () => {
    expect(paths(TECH)).toEqual(['/planning', '/projects', '/places', '/my-missions', '/open-shifts', '/users']);
    expect(visibleNav(SETTINGS_NAV, TECH).map((entry) => entry.to)).toEqual(['/settings/members', '/settings/plugins']);
  });

  it('shows a manager the conflicts too, and the audit log to admins only', () => {
    expect(paths(MANAGER)).toContain('/conflicts');
    expect(paths(MANAGER)).toContain('/swaps');
    const settings = (role: string) => visibleNav(SETTINGS_NAV, actionsOf(role)).map((entry) => entry.to);
    expect(settings('manager')).not.toContain('/settings/audit');
    expect(settings('admin')).toContain('/settings/audit');
    expect(settings('manager')).not.toContain('/settings/api-keys');
    expect(settings('admin')).toContain('/settings/api-keys');
    expect(settings('manager')).toContain('/settings/absence-types');
    expect(visibleNav(SETTINGS_NAV, TECH).map((entry) => entry.to)).not.toContain('/settings/absence-types');
  });

  it('shows nothing without actions', () => {
    expect(paths([])).toEqual([]);
  });
});

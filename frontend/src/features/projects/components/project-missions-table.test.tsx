import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { ProjectMissionsTable } from '@/features/projects/components/project-missions-table';
import fr from '@/locales/fr.json';
import { jsonResponse, renderWithProviders } from '@/testing/render';

afterEach(() => vi.unstubAllGlobals());

const mission = (id: number, title: string, role: { quota: number; pending: number; accepted: number; reserves: number }) => ({
  id,
  project_id: 1,
  title,
  place: 'Cour',
  notes: '',
  starts_at: '2027-07-10T17:00:00Z',
  ends_at: '2027-07-10T23:00:00Z',
  allow_long: false,
  status: 'DRAFT',
  created_at: '2027-06-01T10:00:00Z',
  updated_at: '2027-06-01T10:00:00Z',
  roles: [{ id: id * 10, name: 'son', required_skills: [], ...role }],
});

function stub(items: unknown[]) {
  const posted: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
      if (init?.method === 'POST') {
        posted.push(JSON.parse(String(init.body)));
        return jsonResponse({ created: 1, items: [], warnings: [] }, 201);
      }
      return jsonResponse({ items, page: 1, page_size: 200, total: items.length });
    }),
  );
  return posted;
}

const users = [{ id: 5, name: 'Ines Roy' }];

async function selectAndChoose(title: string) {
  const label = fr.projects_select_mission.replace('{title}', title).replace(/,.*$/, '');
  await userEvent.click(await screen.findByRole('checkbox', { name: new RegExp(`^${label}`) }));
  await userEvent.selectOptions(screen.getByLabelText(fr.projects_assign_user), '5');
}

describe('ProjectMissionsTable bulk invitation and reserves', () => {
  it('offers the reserve list when a selected role is full and sends reserve: true', async () => {
    const posted = stub([mission(1, 'Concert', { quota: 1, pending: 1, accepted: 0, reserves: 2 })]);
    renderWithProviders(<ProjectMissionsTable projectId={1} users={users} canManageMissions canInvite />);
    const reserves = fr.planning_role_reserves.replace('{count}', '2');
    expect(await screen.findByText(`son 0/1 (${reserves})`)).toBeInTheDocument();
    await selectAndChoose('Concert');
    const box = screen.getByRole('checkbox', { name: fr.projects_assign_reserve });
    expect(box).toHaveAccessibleDescription(fr.projects_assign_reserve_hint);
    await userEvent.click(box);
    await userEvent.click(screen.getByRole('button', { name: fr.projects_action_assign }));
    await screen.findByText(fr.projects_done_assigned_one.replace('{count}', '1'));
    expect(posted).toEqual([{ mission_role_ids: [10], user_ids: [5], reserve: true }]);
  });

  it('has no reserve option while every selected role has a free place', async () => {
    const posted = stub([mission(2, 'Montage', { quota: 3, pending: 1, accepted: 1, reserves: 0 })]);
    renderWithProviders(<ProjectMissionsTable projectId={1} users={users} canManageMissions canInvite />);
    await selectAndChoose('Montage');
    expect(screen.queryByRole('checkbox', { name: fr.projects_assign_reserve })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: fr.projects_action_assign }));
    await screen.findByText(fr.projects_done_assigned_one.replace('{count}', '1'));
    expect(posted).toEqual([{ mission_role_ids: [20], user_ids: [5], reserve: false }]);
  });

  it('invites once per mission with several roles: the first role with a free place', async () => {
    const twoRoles = {
      ...mission(4, 'Concert', { quota: 1, pending: 1, accepted: 0, reserves: 0 }),
      roles: [
        { id: 40, name: 'son', required_skills: [], quota: 1, pending: 1, accepted: 0, reserves: 0 },
        { id: 41, name: 'lumiere', required_skills: [], quota: 2, pending: 0, accepted: 0, reserves: 0 },
      ],
    };
    const posted = stub([twoRoles, mission(5, 'Montage', { quota: 3, pending: 0, accepted: 0, reserves: 0 })]);
    renderWithProviders(<ProjectMissionsTable projectId={1} users={users} canManageMissions canInvite />);
    await selectAndChoose('Concert');
    const label = fr.projects_select_mission.replace('{title}', 'Montage').replace(/,.*$/, '');
    await userEvent.click(screen.getByRole('checkbox', { name: new RegExp(`^${label}`) }));
    const button = screen.getByRole('button', { name: fr.projects_action_assign });
    expect(button).toHaveAccessibleDescription(fr.projects_action_assign_hint);
    expect(screen.queryByRole('checkbox', { name: fr.projects_assign_reserve })).not.toBeInTheDocument();
    await userEvent.click(button);
    await screen.findByText(fr.projects_done_assigned_one.replace('{count}', '1'));
    expect(posted).toEqual([{ mission_role_ids: [41, 50], user_ids: [5], reserve: false }]);
  });
});

function renderTable(canManageMissions: boolean, canInvite: boolean) {
  stub([mission(3, 'Montage', { quota: 2, pending: 1, accepted: 1, reserves: 0 })]);
  renderWithProviders(
    <ProjectMissionsTable projectId={1} users={users} canManageMissions={canManageMissions} canInvite={canInvite} />,
  );
}

describe('ProjectMissionsTable by the role actions', () => {
  it('is a plain list for a role that may neither change missions nor invite', async () => {
    renderTable(false, false);
    expect(await screen.findByRole('rowheader', { name: 'Montage' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: fr.projects_bulk_actions })).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('gives a manager every bulk action', async () => {
    renderTable(true, true);
    expect(await screen.findByRole('region', { name: fr.projects_bulk_actions })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: fr.projects_select_all })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: fr.projects_action_publish })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: fr.projects_action_assign })).toBeInTheDocument();
  });

  it('offers only the invitation to a role that may invite but not change missions', async () => {
    renderTable(false, true);
    expect(await screen.findByRole('button', { name: fr.projects_action_assign })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: fr.projects_action_publish })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: fr.projects_action_delete })).not.toBeInTheDocument();
  });
});

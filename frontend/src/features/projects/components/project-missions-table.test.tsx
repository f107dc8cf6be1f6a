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
    // Only the sort buttons of the column headers: no action.
    const buttons = screen.getAllByRole('button');
    expect(buttons).toHaveLength(5);
    const sortPrefix = fr.table_sort_by.replace('{column}', '');
    for (const button of buttons) expect(button.textContent).toContain(sortPrefix);
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

const at = (id: number, title: string, day: number, place: string, extra: Record<string, unknown> = {}) => ({
  ...mission(id, title, { quota: 2, pending: 0, accepted: 0, reserves: 0 }),
  place,
  starts_at: `2027-07-${String(day).padStart(2, '0')}T17:00:00Z`,
  ends_at: `2027-07-${String(day).padStart(2, '0')}T21:00:00Z`,
  ...extra,
});

function titles(): string[] {
  return screen.getAllByRole('rowheader').map((h) => h.textContent ?? '');
}

describe('ProjectMissionsTable search, sort and pages', () => {
  it('searches title, place and roles, and says how many missions match', async () => {
    stub([at(1, 'Montage', 1, 'Cour'), at(2, 'Exploitation', 2, 'Cloitre'), at(3, 'Demontage', 3, 'Cour')]);
    renderWithProviders(<ProjectMissionsTable projectId={1} users={users} canManageMissions canInvite />);
    expect(await screen.findByRole('rowheader', { name: 'Montage' })).toBeInTheDocument();
    await userEvent.type(screen.getByRole('searchbox', { name: fr.projects_missions_search }), 'cour');
    expect(titles()).toEqual(['Montage', 'Demontage']);
    expect(screen.getByText(fr.projects_missions_shown_other.replace('{count}', '2').replace('{total}', '3'))).toBeInTheDocument();
    await userEvent.clear(screen.getByRole('searchbox', { name: fr.projects_missions_search }));
    await userEvent.type(screen.getByRole('searchbox', { name: fr.projects_missions_search }), 'nothing');
    expect(screen.getByText(fr.projects_missions_no_match)).toBeInTheDocument();
  });

  it('sorts by a column header, both ways, and says so', async () => {
    stub([at(1, 'Montage', 1, 'Cour'), at(2, 'Exploitation', 2, 'Cloitre'), at(3, 'Demontage', 3, 'Chapiteau')]);
    renderWithProviders(<ProjectMissionsTable projectId={1} users={users} canManageMissions canInvite />);
    expect(await screen.findByRole('rowheader', { name: 'Montage' })).toBeInTheDocument();
    expect(titles()).toEqual(['Montage', 'Exploitation', 'Demontage']);
    const byTitle = screen.getByRole('button', { name: new RegExp(fr.table_sort_by.replace('{column}', fr.projects_col_title)) });
    await userEvent.click(byTitle);
    expect(titles()).toEqual(['Demontage', 'Exploitation', 'Montage']);
    expect(byTitle.closest('th')).toHaveAttribute('aria-sort', 'ascending');
    await userEvent.click(byTitle);
    expect(titles()).toEqual(['Montage', 'Exploitation', 'Demontage']);
    expect(byTitle.closest('th')).toHaveAttribute('aria-sort', 'descending');
  });

  it('pages 152 missions by 25', async () => {
    stub(Array.from({ length: 152 }, (_, i) => at(i + 1, `Mission ${String(i + 1).padStart(3, '0')}`, 1 + (i % 28), 'Cour')));
    renderWithProviders(<ProjectMissionsTable projectId={1} users={users} canManageMissions canInvite />);
    await screen.findAllByRole('rowheader');
    expect(screen.getAllByRole('rowheader')).toHaveLength(25);
    expect(screen.getByText(fr.pagination_page.replace('{page}', '1').replace('{pages}', '7'))).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: fr.pagination_next }));
    expect(screen.getByText(fr.pagination_page.replace('{page}', '2').replace('{pages}', '7'))).toBeInTheDocument();
  });

  it('duplicates the selection over a range of days chosen with date pickers', async () => {
    const posted = stub([at(1, 'Montage', 1, 'Cour')]);
    renderWithProviders(<ProjectMissionsTable projectId={1} users={users} canManageMissions canInvite />);
    const label = fr.projects_select_mission.replace('{title}', 'Montage').replace(/,.*$/, '');
    await userEvent.click(await screen.findByRole('checkbox', { name: new RegExp(`^${label}`) }));
    const from = screen.getByLabelText(fr.projects_duplicate_from);
    expect(from).toHaveAttribute('type', 'date');
    await userEvent.type(from, '2027-07-20');
    await userEvent.type(screen.getByLabelText(fr.projects_duplicate_to), '2027-07-22');
    await userEvent.click(screen.getByRole('button', { name: fr.projects_action_duplicate }));
    await screen.findByText(fr.projects_done_duplicated_one.replace('{count}', '1'));
    expect(posted).toEqual([{ from: '2027-07-20', to: '2027-07-22', publish: false, fold: 0 }]);
  });
});

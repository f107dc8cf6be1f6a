import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { ProjectMissionsTable } from '@/features/projects/components/project-missions-table';
import fr from '@/locales/fr.json';
import { jsonResponse, renderWithProviders } from '@/testing/render';

afterEach(() => vi.unstubAllGlobals());

const page = {
  items: [
    {
      id: 3,
      project_id: 1,
      title: 'Montage',
      place: 'Cour',
      notes: '',
      starts_at: '2027-07-05T06:00:00Z',
      ends_at: '2027-07-05T11:00:00Z',
      allow_long: false,
      status: 'PUBLISHED',
      roles: [{ id: 30, name: 'son', quota: 2, required_skills: [], invited: 1, accepted: 1 }],
      created_at: '2027-07-01T10:00:00Z',
      updated_at: '2027-07-01T10:00:00Z',
    },
  ],
  page: 1,
  page_size: 200,
  total: 1,
};

function renderTable(canManageMissions: boolean, canInvite: boolean) {
  vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(page)));
  renderWithProviders(
    <ProjectMissionsTable projectId={1} users={[{ id: 2, name: 'Lea Martin' }]} canManageMissions={canManageMissions} canInvite={canInvite} />,
  );
}

describe('ProjectMissionsTable', () => {
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

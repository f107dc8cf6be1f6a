import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { Project } from '@/features/projects/api/list-projects';
import { ProjectEditForm } from '@/features/projects/components/project-edit-form';
import fr from '@/locales/fr.json';
import { jsonResponse, pageResponse, renderWithProviders } from '@/testing/render';

afterEach(() => vi.unstubAllGlobals());

const project = {
  id: 3,
  name: 'Festival 2027',
  description: '',
  status: 'ACTIVE',
  starts_on: '2027-07-01',
  ends_on: '2027-07-31',
  managers: [],
  accepted: 0,
  quota_total: 0,
  mission_count: 0,
  fill_rate: null,
  created_at: '2027-01-01T10:00:00Z',
  updated_at: '2027-01-01T10:00:00Z',
} as unknown as Project;

function stub() {
  const patches: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      if (init?.method === 'PATCH') {
        const body = JSON.parse(String(init.body)) as Record<string, unknown>;
        patches.push(body);
        return jsonResponse({ ...project, ...body });
      }
      return String(input).includes('/projects/') ? jsonResponse(project) : pageResponse([]);
    }),
  );
  return patches;
}

describe('ProjectEditForm', () => {
  it('refuses an end before the start under the end field, then sends only what changed', async () => {
    const patches = stub();
    const onDone = vi.fn();
    renderWithProviders(<ProjectEditForm project={project} onDone={onDone} />);
    const ends = screen.getByLabelText(fr.projects_field_ends_on);
    await userEvent.clear(ends);
    await userEvent.type(ends, '2027-06-15');
    await userEvent.click(screen.getByRole('button', { name: fr.projects_edit_save }));
    expect(await screen.findByText(fr.projects_wizard_bad_dates)).toBeInTheDocument();
    expect(ends).toHaveAttribute('aria-invalid', 'true');
    expect(patches).toEqual([]);

    await userEvent.clear(ends);
    await userEvent.type(ends, '2027-08-02');
    const name = screen.getByLabelText(fr.projects_field_name);
    await userEvent.clear(name);
    await userEvent.type(name, '  Festival 2027 bis ');
    await userEvent.click(screen.getByRole('button', { name: fr.projects_edit_save }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(patches).toEqual([{ name: 'Festival 2027 bis', ends_on: '2027-08-02' }]);
  });
});

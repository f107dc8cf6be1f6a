import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { MissionTemplatesManager } from '@/features/mission-templates/components/mission-templates-manager';
import fr from '@/locales/fr.json';
import { jsonResponse, pageResponse, renderWithProviders } from '@/testing/render';

afterEach(() => vi.unstubAllGlobals());

const msg = (template: string, vars: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));

const stageDay = {
  id: 4,
  name: 'Journee plateau',
  description: 'Montage, exploitation, demontage',
  version: 3,
  title: 'Plateau',
  slots: [
    { start: '08:00', end: '13:00', title: 'Montage', ends_next_day: false, day_offset: 0, fold: 0, roles: null },
    { start: '19:00', end: '01:00', title: 'Exploitation', ends_next_day: true, day_offset: 0, fold: 0, roles: null },
    { start: '01:00', end: '04:00', title: null, ends_next_day: false, day_offset: 1, fold: 0, roles: null },
  ],
  roles: [],
  created_at: '2027-01-01T10:00:00Z',
  updated_at: '2027-01-02T10:00:00Z',
};
const projects = [
  { id: 7, name: 'Festival 2027', starts_on: '2027-07-10', ends_on: '2027-07-20' },
  { id: 8, name: 'Tournee', starts_on: null, ends_on: null },
];
const places = [
  { id: 1, name: 'Cour' },
  { id: 2, name: 'Cloitre' },
];

type Call = { url: string; method: string; body: unknown };

function stubApi(answer: (call: Call) => Response | undefined) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const call = { url, method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : null };
      calls.push(call);
      return answer(call) ?? pageResponse([stageDay]);
    }),
  );
  return calls;
}

describe('MissionTemplatesManager', () => {
  it('lists each template with its version and its slots in one line', async () => {
    stubApi(() => undefined);
    renderWithProviders(<MissionTemplatesManager projects={projects} places={places} />);
    const list = await screen.findByRole('list', { name: fr.templates_title });
    const [item] = within(list).getAllByRole('listitem');
    expect(item).toHaveTextContent(msg(fr.templates_version, { version: 3 }));
    expect(item).toHaveTextContent('Exploitation 19:00-01:00 (+1 j)');
    // a slot without a title takes the template's; J+1 for the get-out
    expect(item).toHaveTextContent('Plateau (J+1) 01:00-04:00');
  });

  it('applies a template to a project, some days and two places in one call', async () => {
    const calls = stubApi((call) =>
      call.method === 'POST' ? jsonResponse({ template_id: 4, version: 3, created: 12, mission_ids: [] }, 201) : undefined,
    );
    renderWithProviders(<MissionTemplatesManager projects={projects} places={places} />);
    await userEvent.click(await screen.findByRole('button', { name: msg(fr.templates_apply_of, { name: 'Journee plateau' }) }));
    const form = screen.getByRole('form', { name: msg(fr.templates_apply_of, { name: 'Journee plateau' }) });
    // the project's dates are the default range
    expect(within(form).getByLabelText(fr.projects_field_from)).toHaveValue('2027-07-10');
    fireEvent.change(within(form).getByLabelText(fr.projects_field_to), { target: { value: '2027-07-11' } });
    await userEvent.click(within(form).getByLabelText('Cour'));
    await userEvent.click(within(form).getByLabelText('Cloitre'));
    await userEvent.click(within(form).getByRole('button', { name: fr.templates_apply_submit }));
    expect(await screen.findByText(msg(fr.templates_applied_other, { count: 12, project: 'Festival 2027' }))).toBeInTheDocument();
    expect(screen.getByRole('link', { name: msg(fr.templates_open_project, { name: 'Festival 2027' }) })).toHaveAttribute('href', '/projects/7');
    const [post] = calls.filter((c) => c.method === 'POST');
    expect(post).toEqual({
      url: '/api/v1/mission-templates/4/apply',
      method: 'POST',
      body: { project_id: 7, from: '2027-07-10', to: '2027-07-11', weekdays: null, place_ids: [1, 2], publish: false, notes: '' },
    });
  });

  it('checks the range and the weekdays under their fields before any call', async () => {
    const calls = stubApi(() => undefined);
    renderWithProviders(<MissionTemplatesManager projects={projects} places={places} />);
    await userEvent.click(await screen.findByRole('button', { name: msg(fr.templates_apply_of, { name: 'Journee plateau' }) }));
    const form = screen.getByRole('form', { name: msg(fr.templates_apply_of, { name: 'Journee plateau' }) });
    // An undated project leaves the range empty.
    await userEvent.selectOptions(within(form).getByLabelText(fr.templates_field_project), 'Tournee');
    fireEvent.change(within(form).getByLabelText(fr.projects_field_from), { target: { value: '2027-07-12' } });
    fireEvent.change(within(form).getByLabelText(fr.projects_field_to), { target: { value: '2027-07-10' } });
    for (const day of [0, 1, 2, 3, 4, 5, 6]) {
      await userEvent.click(within(form).getByLabelText(fr[`projects_weekday_${day}` as 'projects_weekday_0']));
    }
    await userEvent.click(within(form).getByRole('button', { name: fr.templates_apply_submit }));
    expect(await within(form).findByText(fr.templates_bad_dates)).toBeInTheDocument();
    expect(within(form).getByText(fr.templates_need_weekday)).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('words a refused application from its code and keeps the form open', async () => {
    stubApi((call) =>
      call.method === 'POST'
        ? jsonResponse(
            { error: { code: 'mission.outside_project', message: 'no', details: { days: ['2027-07-21'], starts_on: '2027-07-10', ends_on: '2027-07-20' } } },
            422,
          )
        : undefined,
    );
    renderWithProviders(<MissionTemplatesManager projects={projects} places={places} />);
    await userEvent.click(await screen.findByRole('button', { name: msg(fr.templates_apply_of, { name: 'Journee plateau' }) }));
    const form = screen.getByRole('form', { name: msg(fr.templates_apply_of, { name: 'Journee plateau' }) });
    await userEvent.click(within(form).getByRole('button', { name: fr.templates_apply_submit }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('du 10 juil. 2027 au 20 juil. 2027');
  });

  it('renames a template (a new version) and deletes one after confirming', async () => {
    const calls = stubApi((call) => {
      if (call.method === 'PATCH') return jsonResponse({ ...stageDay, name: 'Journee Cour', version: 4 });
      if (call.method === 'DELETE') return jsonResponse(null, 204);
      return undefined;
    });
    renderWithProviders(<MissionTemplatesManager projects={projects} places={places} />);
    await userEvent.click(await screen.findByRole('button', { name: msg(fr.templates_rename_of, { name: 'Journee plateau' }) }));
    const form = screen.getByRole('form', { name: msg(fr.templates_rename_of, { name: 'Journee plateau' }) });
    const name = within(form).getByLabelText(fr.templates_field_name);
    await userEvent.clear(name);
    await userEvent.type(name, 'Journee Cour{Enter}');
    expect(await screen.findByText(msg(fr.templates_renamed, { name: 'Journee Cour', version: 4 }))).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ name: 'Journee Cour' });

    await userEvent.click(screen.getByRole('button', { name: msg(fr.templates_delete_of, { name: 'Journee plateau' }) }));
    const dialog = await screen.findByRole('dialog', { name: fr.templates_delete_title });
    await userEvent.click(within(dialog).getByRole('button', { name: fr.templates_delete }));
    expect(await screen.findByText(msg(fr.templates_deleted, { name: 'Journee plateau' }))).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'DELETE')?.url).toBe('/api/v1/mission-templates/4');
  });
});

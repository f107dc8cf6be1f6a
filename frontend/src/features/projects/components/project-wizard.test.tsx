import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { TimeZoneProvider } from '@/lib/dates';
import { ProjectWizard, type PlacePickerControl, type TemplateToolsControl } from '@/features/projects/components/project-wizard';
import fr from '@/locales/fr.json';
import { jsonResponse, pageResponse, renderWithProviders } from '@/testing/render';

afterEach(() => vi.unstubAllGlobals());

const MONTREAL = { id: 2, name: 'Theatre Outremont', timezone: 'America/Montreal' };

/** Stands for the places feature's picker (the route passes the real one). */
function FakePicker({ value, onChange, ...control }: PlacePickerControl) {
  return (
    <select {...control} value={value ?? ''} onChange={(e) => onChange(e.target.value ? MONTREAL : null)}>
      <option value="">-</option>
      <option value="2">Theatre Outremont</option>
    </select>
  );
}

const placePicker = (control: PlacePickerControl) => <FakePicker {...control} />;

const msg = (template: string, vars: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));

interface Call {
  url: string;
  method: string;
  body: unknown;
}

function stubApi(bulk: () => Response) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    calls.push({ url, method, body: init?.body ? JSON.parse(String(init.body)) : null });
    if (url.includes('/orgs/current/members?')) return pageResponse([]);
    if (url.includes('/users?')) return jsonResponse({ items: [], page: 1, page_size: 200, total: 0 });
    if (method === 'POST' && url.endsWith('/projects')) {
      return jsonResponse({ id: 9, name: 'Festival 2027', starts_on: '2027-07-10', ends_on: '2027-07-13' }, 201);
    }
    if (method === 'POST' && url.endsWith('/missions:bulk_create')) return bulk();
    return jsonResponse({ error: { code: 'not_found', message: 'no' } }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

async function fillProjectAndSlots() {
  await userEvent.type(screen.getByLabelText(fr.projects_field_name), 'Festival 2027');
  fireEvent.change(screen.getByLabelText(fr.projects_field_starts_on), { target: { value: '2027-07-10' } });
  fireEvent.change(screen.getByLabelText(fr.projects_field_ends_on), { target: { value: '2027-07-13' } });
  await userEvent.click(screen.getByRole('button', { name: fr.projects_wizard_next }));
  // Three nights; the last get-out starts on the 13th, still in the project.
  fireEvent.change(screen.getByLabelText(fr.projects_field_to), { target: { value: '2027-07-12' } });
  await userEvent.type(screen.getByLabelText(fr.projects_field_mission_title, { exact: false }), 'Festival');
  await userEvent.type(screen.getByLabelText(msg(fr.projects_role_name, { n: 1 })), 'Machiniste');
  // Slot 2: the show, 19:00 to 01:00 by default, with its own role.
  await userEvent.click(screen.getByRole('button', { name: fr.projects_add_slot }));
  await userEvent.click(screen.getByLabelText(msg(fr.projects_slot_own_roles, { n: 2 })));
  const ownRole = screen.getByLabelText(msg(fr.projects_slot_role_name, { slot: 2, n: 1 }));
  await userEvent.clear(ownRole);
  await userEvent.type(ownRole, 'Regisseur son');
  // Slot 3: the 01:00 get-out the day after each day.
  await userEvent.click(screen.getByRole('button', { name: fr.projects_add_slot }));
  fireEvent.change(screen.getByLabelText(msg(fr.projects_slot_start, { n: 3 })), { target: { value: '01:00' } });
  fireEvent.change(screen.getByLabelText(msg(fr.projects_slot_end, { n: 3 })), { target: { value: '04:00' } });
  await userEvent.type(screen.getByLabelText(msg(fr.projects_slot_title, { n: 3 })), 'Demontage');
  const offset = screen.getByLabelText(msg(fr.projects_slot_day_offset, { n: 3 }));
  await userEvent.clear(offset);
  await userEvent.type(offset, '1');
}

// Typing a whole project takes a few seconds on a loaded machine.
vi.setConfig({ testTimeout: 20_000 });

describe('ProjectWizard', () => {
  it('marks a slot ending before it starts "+1 j" and sends every slot in one bulk creation', async () => {
    const calls = stubApi(() => jsonResponse({ created: 9, items: [] }, 201));
    const onDone = vi.fn();
    renderWithProviders(<ProjectWizard onDone={onDone} placePicker={placePicker} />);
    await fillProjectAndSlots();
    // Only the show crosses midnight (19:00-01:00); the get-out is a day later, not overnight.
    expect(screen.getAllByText(fr.projects_next_day_short)).toHaveLength(1);
    fireEvent.change(screen.getByLabelText(msg(fr.projects_slot_end, { n: 1 })), { target: { value: '07:00' } });
    expect(screen.getAllByText(fr.projects_next_day_short)).toHaveLength(2);
    fireEvent.change(screen.getByLabelText(msg(fr.projects_slot_end, { n: 1 })), { target: { value: '13:00' } });

    await userEvent.click(screen.getByRole('button', { name: fr.projects_wizard_preview }));
    const preview = screen.getByRole('region', { name: fr.projects_wizard_step_preview });
    const rows = within(preview).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(9);
    // The get-out of the first day starts on the 11th at 01:00; the show ends the next day.
    const getOut = rows.find((r) => r.textContent?.includes('Demontage'))!;
    expect(getOut).toHaveTextContent('11 juil. 2027');
    const show = rows.find((r) => r.textContent?.includes('19:00'))!;
    expect(within(show).getByText(fr.projects_next_day_short)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: msg(fr.projects_wizard_create_other, { count: 9 }) }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    const bulks = calls.filter((c) => c.url.endsWith('/missions:bulk_create'));
    expect(bulks).toHaveLength(1);
    expect(bulks[0]!.url).toBe('/api/v1/projects/9/missions:bulk_create');
    expect(bulks[0]!.body).toMatchObject({
      title: 'Festival',
      date_from: '2027-07-10',
      date_to: '2027-07-12',
      roles: [{ name: 'Machiniste', quota: 1, required_skills: [] }],
      slots: [
        { start: '08:00', end: '13:00', ends_next_day: false, day_offset: 0, roles: null },
        { start: '19:00', end: '01:00', ends_next_day: true, day_offset: 0, roles: [{ name: 'Regisseur son', quota: 1, required_skills: [] }] },
        { start: '01:00', end: '04:00', title: 'Demontage', ends_next_day: false, day_offset: 1, roles: null },
      ],
    });
  });

  it('keeps the project when the missions are refused, and a retry sends only the missions', async () => {
    let refuse = true;
    const calls = stubApi(() =>
      refuse
        ? jsonResponse({ error: { code: 'mission.nonexistent_local_time', message: 'no such time', details: { field: 'slots[2].start' } } }, 422)
        : jsonResponse({ created: 9, items: [] }, 201),
    );
    const onDone = vi.fn();
    renderWithProviders(<ProjectWizard onDone={onDone} placePicker={placePicker} />);
    await fillProjectAndSlots();
    await userEvent.click(screen.getByRole('button', { name: fr.projects_wizard_preview }));
    const create = screen.getByRole('button', { name: msg(fr.projects_wizard_create_other, { count: 9 }) });
    await userEvent.click(create);
    expect(await screen.findByText(fr.error_mission_nonexistent_local_time)).toBeInTheDocument();
    expect(screen.getByText(msg(fr.projects_wizard_project_kept, { name: 'Festival 2027' }))).toBeInTheDocument();
    expect(onDone).not.toHaveBeenCalled();

    refuse = false;
    await userEvent.click(create);
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(calls.filter((c) => c.method === 'POST' && c.url.endsWith('/projects'))).toHaveLength(1);
    expect(calls.filter((c) => c.url.endsWith('/missions:bulk_create'))).toHaveLength(2);
  });

  it('creates the missions at the chosen place, whose clock the slots are read on', async () => {
    const calls = stubApi(() => jsonResponse({ created: 1, items: [] }, 201));
    const onDone = vi.fn();
    renderWithProviders(
      <TimeZoneProvider timeZone="Europe/Paris">
        <ProjectWizard onDone={onDone} placePicker={placePicker} />
      </TimeZoneProvider>,
    );
    await userEvent.type(screen.getByLabelText(fr.projects_field_name), 'Tournee Quebec');
    await userEvent.click(screen.getByRole('button', { name: fr.projects_wizard_next }));
    await userEvent.type(screen.getByLabelText(fr.projects_field_mission_title, { exact: false }), 'Concert');
    const place = screen.getByLabelText(fr.projects_field_place);
    expect(place).not.toHaveAccessibleDescription();
    await userEvent.selectOptions(place, '2');
    expect(place).toHaveAccessibleDescription(
      msg(fr.projects_place_timezone_hint, { zone: msg(fr.time_zone_city, { city: 'Montreal' }) }),
    );
    await userEvent.click(screen.getByLabelText(fr.projects_wizard_mode_days));
    await userEvent.type(screen.getByLabelText(fr.projects_field_days), '2027-07-10');
    await userEvent.click(screen.getByRole('button', { name: fr.projects_wizard_preview }));
    await userEvent.click(screen.getByRole('button', { name: msg(fr.projects_wizard_create_one, { count: 1 }) }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    const [bulk] = calls.filter((c) => c.url.endsWith('/missions:bulk_create'));
    expect(bulk!.body).toMatchObject({ title: 'Concert', place_id: 2, place: '', days: ['2027-07-10'] });
  });

  it('fills the missions step from a template and hands the tools what it holds', async () => {
    stubApi(() => jsonResponse({ created: 0, items: [] }, 201));
    const seen: TemplateToolsControl['pattern'][] = [];
    const templateTools = ({ pattern, onLoad }: TemplateToolsControl) => {
      seen.push(pattern);
      return (
        <button
          type="button"
          onClick={() =>
            onLoad({
              title: 'Plateau',
              slots: [
                { start: '19:00', end: '01:00', title: 'Exploitation', ends_next_day: true, day_offset: 0, fold: 0, roles: [{ name: 'son', quota: 1, required_skills: ['son'] }] },
                { start: '01:00', end: '04:00', title: 'Demontage', ends_next_day: false, day_offset: 1, fold: 0, roles: null },
              ],
              roles: [{ name: 'machiniste', quota: 3, required_skills: [] }],
            })
          }
        >
          load
        </button>
      );
    };
    renderWithProviders(<ProjectWizard onDone={vi.fn()} placePicker={placePicker} templateTools={templateTools} />);
    await userEvent.type(screen.getByLabelText(fr.projects_field_name), 'Festival 2027');
    await userEvent.click(screen.getByRole('button', { name: fr.projects_wizard_next }));
    await userEvent.click(screen.getByRole('button', { name: 'load' }));
    expect(screen.getByLabelText(fr.projects_field_mission_title, { exact: false })).toHaveValue('Plateau');
    expect(screen.getByLabelText(msg(fr.projects_slot_title, { n: 1 }))).toHaveValue('Exploitation');
    expect(screen.getByLabelText(msg(fr.projects_slot_day_offset, { n: 2 }))).toHaveValue(1);
    expect(screen.getByLabelText(msg(fr.projects_slot_role_name, { slot: 1, n: 1 }))).toHaveValue('son');
    expect(screen.getByLabelText(msg(fr.projects_role_quota, { n: 1 }))).toHaveValue(3);
    // what "save as template" would send: the same slots back
    expect(seen.at(-1)).toEqual({
      title: 'Plateau',
      slots: [
        { start: '19:00', end: '01:00', title: 'Exploitation', ends_next_day: true, day_offset: 0, fold: 0, roles: [{ name: 'son', quota: 1, required_skills: ['son'] }] },
        { start: '01:00', end: '04:00', title: 'Demontage', ends_next_day: false, day_offset: 1, fold: 0, roles: null },
      ],
      roles: [{ name: 'machiniste', quota: 3, required_skills: [] }],
    });
  });
});

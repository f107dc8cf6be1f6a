import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { TimeZoneProvider } from '@/lib/dates';
import { ProjectWizard, type PlacePickerControl } from '@/features/projects/components/project-wizard';
import fr from '@/locales/fr.json';
import { jsonResponse, renderWithProviders } from '@/testing/render';

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

afterEach(() => vi.unstubAllGlobals());

describe('ProjectWizard', () => {
  it("creates the missions at the chosen place, whose clock the slots are read on", async () => {
    const bodies: Record<string, unknown>[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        if ((init?.method ?? 'GET') === 'GET') return jsonResponse(url.includes('members') ? [] : { items: [], page: 1, page_size: 200, total: 0 });
        const body = JSON.parse(String(init?.body));
        bodies.push(body);
        if (url.endsWith('/projects')) return jsonResponse({ id: 5, name: body.name }, 201);
        return jsonResponse({ created: 1, items: [] }, 201);
      }),
    );
    const onDone = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(
      <TimeZoneProvider timeZone="Europe/Paris">
        <ProjectWizard onDone={onDone} placePicker={(control) => <FakePicker {...control} />} />
      </TimeZoneProvider>,
    );
    await user.type(screen.getByLabelText(fr.projects_field_name), 'Tournee Quebec');
    await user.click(screen.getByRole('button', { name: fr.projects_wizard_next }));
    await user.type(screen.getByLabelText(fr.projects_field_mission_title), 'Concert');
    const place = screen.getByLabelText(fr.projects_field_place);
    expect(place).not.toHaveAccessibleDescription();
    await user.selectOptions(place, '2');
    expect(place).toHaveAccessibleDescription(
      fr.projects_place_timezone_hint.replace('{zone}', 'Montreal').replace('{timezone}', 'America/Montreal'),
    );
    await user.click(screen.getByLabelText(fr.projects_wizard_mode_days));
    await user.type(screen.getByLabelText(fr.projects_field_days), '2027-07-10');
    await user.click(screen.getByRole('button', { name: fr.projects_wizard_preview }));
    await user.click(screen.getByRole('button', { name: fr.projects_wizard_create_one.replace('{count}', '1') }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(bodies[1]).toMatchObject({ title: 'Concert', place_id: 2, place: '', days: ['2027-07-10'] });
  });
});

import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { TimeZoneProvider } from '@/lib/dates';
import { PlacesManager } from '@/features/places/components/places-manager';
import fr from '@/locales/fr.json';
import { jsonResponse, renderWithProviders } from '@/testing/render';

const outremont = {
  id: 1,
  name: 'Theatre Outremont',
  address: '1248 avenue Bernard, Montreal',
  timezone: 'America/Montreal',
  latitude: 45.5231,
  longitude: -73.6076,
  notes: '',
  mission_count: 2,
  created_at: '2027-01-01T10:00:00Z',
  updated_at: '2027-01-01T10:00:00Z',
};
const cour = { ...outremont, id: 2, name: "Cour d'honneur", address: 'Avignon', timezone: 'Europe/Paris', mission_count: 0 };

type Call = { url: string; method: string; body: unknown };

function stubApi(answer: (call: Call) => Response | undefined) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const call = { url: String(input), method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : null };
    calls.push(call);
    const found = answer(call);
    if (found) return found;
    if (call.method === 'GET') return jsonResponse({ items: [outremont, cour], page: 1, page_size: 200, total: 2 });
    throw new Error(`unexpected ${call.method} ${call.url}`);
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

function renderManager(canManage: boolean) {
  return renderWithProviders(
    <TimeZoneProvider timeZone="Europe/Paris">
      <PlacesManager canManage={canManage} />
    </TimeZoneProvider>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('PlacesManager', () => {
  it('lists the places with their clock and missions; a used place cannot be deleted', async () => {
    stubApi(() => undefined);
    renderManager(true);
    const list = await screen.findByRole('list', { name: fr.places_title });
    const [first, second] = within(list).getAllByRole('listitem');
    expect(first).toHaveTextContent('Theatre Outremont');
    expect(first).toHaveTextContent('Montreal (America/Montreal)');
    expect(first).toHaveTextContent('2 missions');
    expect(within(first!).getByRole('button', { name: 'Supprimer Theatre Outremont' })).toBeDisabled();
    expect(within(second!).getByRole('button', { name: "Supprimer Cour d'honneur" })).toBeEnabled();
    expect(screen.getByRole('status')).toHaveTextContent('2 lieux');
  });

  it('creates a Montreal place once the form is right, in the org timezone by default', async () => {
    const calls = stubApi((call) =>
      call.method === 'POST' ? jsonResponse({ ...outremont, id: 9, name: 'Salle Wilfrid-Pelletier' }, 201) : undefined,
    );
    const user = userEvent.setup();
    renderManager(true);
    await user.click(await screen.findByRole('button', { name: fr.places_new }));
    const form = screen.getByRole('form', { name: fr.places_form_new });
    const timezone = within(form).getByLabelText(fr.places_field_timezone);
    expect(timezone).toHaveValue('Europe/Paris');
    await user.type(within(form).getByLabelText(fr.places_field_name), 'Salle Wilfrid-Pelletier');
    await user.clear(timezone);
    await user.type(timezone, 'Mars/Olympus');
    await user.type(within(form).getByLabelText(fr.places_field_latitude), '45,508');
    await user.click(within(form).getByRole('button', { name: fr.places_create }));
    expect(within(form).getByText(fr.places_error_invalid_timezone)).toBeInTheDocument();
    expect(within(form).getByText(fr.places_error_coordinates_pair)).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await user.clear(timezone);
    await user.type(timezone, 'America/Montreal');
    expect(within(form).getByTestId('place-local-time')).toHaveTextContent(new RegExp(`^${fr.places_local_time.replace('{time}', '\\d\\d:\\d\\d').replace('{zone}', 'Montreal')}$`));
    await user.type(within(form).getByLabelText(fr.places_field_longitude), '-73.566');
    await user.click(within(form).getByRole('button', { name: fr.places_create }));
    expect(await screen.findByText(fr.places_created.replace('{name}', 'Salle Wilfrid-Pelletier'))).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')).toEqual({
      url: '/api/v1/places',
      method: 'POST',
      body: {
        name: 'Salle Wilfrid-Pelletier',
        address: '',
        timezone: 'America/Montreal',
        latitude: 45.508,
        longitude: -73.566,
        notes: '',
      },
    });
  });

  it("shows the server's refusal in French and keeps the form", async () => {
    stubApi((call) =>
      call.method === 'PATCH'
        ? jsonResponse({ error: { code: 'place.duplicate_name', message: 'This org already has a place named' } }, 409)
        : undefined,
    );
    const user = userEvent.setup();
    renderManager(true);
    await user.click(await screen.findByRole('button', { name: 'Modifier Theatre Outremont' }));
    const form = screen.getByRole('form', { name: fr.places_form_edit.replace('{name}', 'Theatre Outremont') });
    const name = within(form).getByLabelText(fr.places_field_name);
    await user.clear(name);
    await user.type(name, "Cour d'honneur");
    await user.click(within(form).getByRole('button', { name: fr.places_save }));
    expect(await within(form).findByText(fr.error_place_duplicate_name)).toBeInTheDocument();
    expect(name).toHaveValue("Cour d'honneur");
  });

  it('lets a tech read the places, without any way to change them', async () => {
    stubApi(() => undefined);
    renderManager(false);
    expect(await screen.findByText('Theatre Outremont')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: fr.places_new })).toBeNull();
    expect(screen.queryByRole('button', { name: /Modifier|Supprimer/ })).toBeNull();
  });

  it('searches names and addresses through the API', async () => {
    const calls = stubApi(() => undefined);
    const user = userEvent.setup();
    renderManager(true);
    await screen.findByText('Theatre Outremont');
    await user.type(screen.getByLabelText(fr.places_search), 'Bernard');
    await vi.waitFor(() => expect(calls.some((c) => c.url.includes('q=Bernard'))).toBe(true));
  });
});

import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { TimeZoneProvider } from '@/lib/dates';
import { PlacePicker } from '@/features/places/components/place-picker';
import fr from '@/locales/fr.json';
import { jsonResponse, renderWithProviders } from '@/testing/render';

const place = (id: number, name: string, timezone: string) => ({
  id,
  name,
  timezone,
  address: '',
  latitude: null,
  longitude: null,
  notes: '',
  mission_count: 0,
  created_at: '2027-01-01T10:00:00Z',
  updated_at: '2027-01-01T10:00:00Z',
});

afterEach(() => vi.unstubAllGlobals());

describe('PlacePicker', () => {
  it("names the clock of places that are not on the org's and hands back the place chosen", async () => {
    const items = [place(1, "Cour d'honneur", 'Europe/Paris'), place(2, 'Theatre Outremont', 'America/Montreal')];
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse({ items, page: 1, page_size: 200, total: 2 })));
    const onChange = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(
      <TimeZoneProvider timeZone="Europe/Paris">
        <label htmlFor="place">Lieu</label>
        <PlacePicker id="place" value={null} onChange={onChange} />
      </TimeZoneProvider>,
    );
    const select = await screen.findByRole('combobox', { name: 'Lieu' });
    await vi.waitFor(() => expect(select).toBeEnabled());
    expect([...(select as HTMLSelectElement).options].map((o) => o.text)).toEqual([
      fr.place_picker_none,
      "Cour d'honneur",
      'Theatre Outremont (Montreal)',
    ]);
    await user.selectOptions(select, 'Theatre Outremont (Montreal)');
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ id: 2, timezone: 'America/Montreal' }));
    await user.selectOptions(select, fr.place_picker_none);
    expect(onChange).toHaveBeenLastCalledWith(null);
  });
});

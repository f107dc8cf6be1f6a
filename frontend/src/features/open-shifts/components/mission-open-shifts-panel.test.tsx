import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { MissionOpenShiftsPanel } from '@/features/open-shifts/components/mission-open-shifts-panel';
import fr from '@/locales/fr.json';
import { jsonResponse, renderWithProviders } from '@/testing/render';

afterEach(() => vi.unstubAllGlobals());

describe('MissionOpenShiftsPanel', () => {
  it('refuses an answer delay outside 1-336 hours, then publishes with an empty tag as none', async () => {
    const posted: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
        if (init?.method === 'POST') {
          posted.push(JSON.parse(String(init.body)));
          return jsonResponse({}, 201);
        }
        return jsonResponse({ items: [], page: 1, page_size: 50, total: 0 });
      }),
    );
    renderWithProviders(<MissionOpenShiftsPanel missionId={1} roles={[{ id: 7, name: 'son', quota: 2 }]} />);
    const hours = await screen.findByRole('spinbutton', { name: fr.open_shifts_offer_hours });
    expect(hours).toHaveValue(24);
    await userEvent.clear(hours);
    await userEvent.type(hours, '400');
    const publish = screen.getByRole('button', { name: fr.open_shifts_publish });
    await userEvent.click(publish);
    expect(await screen.findByText(fr.open_shifts_offer_hours_range)).toBeInTheDocument();
    await userEvent.clear(hours);
    await userEvent.click(publish);
    expect(await screen.findByText(fr.form_invalid_integer)).toBeInTheDocument();
    expect(posted).toEqual([]);
    await userEvent.type(hours, '48');
    await userEvent.type(screen.getByLabelText(new RegExp(fr.open_shifts_tag)), '  ');
    await userEvent.click(publish);
    await waitFor(() => expect(posted).toEqual([{ mission_role_id: 7, policy: 'first_come', tag: null, offer_hours: 48 }]));
  });
});

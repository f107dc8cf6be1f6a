import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { UserCalendarFeed } from '@/features/calendar-feeds/components/user-calendar-feed';
import fr from '@/locales/fr.json';
import { jsonResponse, renderWithProviders } from '@/testing/render';

const FEED = {
  id: 4,
  kind: 'user',
  subject_id: 7,
  subject_name: 'Lea Roy',
  include_invited: false,
  created_at: '2027-01-05T10:00:00Z',
  last_polled_at: '2027-01-06T08:00:00Z',
};

afterEach(() => vi.unstubAllGlobals());

describe('UserCalendarFeed', () => {
  it("shows a person's feed without its address and revokes it after a confirmation", async () => {
    const user = userEvent.setup();
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      expect(url).toBe('/api/v1/users/7/calendar-feed');
      return init?.method === 'DELETE' ? jsonResponse(null, 204) : jsonResponse(FEED);
    });
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<UserCalendarFeed userId={7} />);

    const region = await screen.findByRole('region', { name: fr.calendar_feed_title_user });
    const revoke = await within(region).findByRole('button', { name: fr.calendar_feed_revoke });
    expect(within(region).queryByRole('textbox')).not.toBeInTheDocument();
    expect(within(region).queryByText(fr.calendar_feed_never_polled)).not.toBeInTheDocument();
    await user.click(revoke);
    const dialog = await screen.findByRole('dialog', { name: fr.calendar_feed_revoke_title });
    expect(fetchMock.mock.calls.filter(([, init]) => init?.method === 'DELETE')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: fr.calendar_feed_revoke }));

    expect(await within(region).findByText(fr.calendar_feed_user_none)).toBeInTheDocument();
    expect(fetchMock.mock.calls.filter(([, init]) => init?.method === 'DELETE')).toHaveLength(1);
  });

  it('says when the person has no feed, with nothing to revoke', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(null)),
    );
    renderWithProviders(<UserCalendarFeed userId={7} />);
    expect(await screen.findByText(fr.calendar_feed_user_none)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: fr.calendar_feed_revoke })).not.toBeInTheDocument();
  });
});

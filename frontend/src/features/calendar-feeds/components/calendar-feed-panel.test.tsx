import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { CalendarFeedPanel } from '@/features/calendar-feeds/components/calendar-feed-panel';
import fr from '@/locales/fr.json';
import { jsonResponse, renderWithProviders } from '@/testing/render';

const URL_1 = 'https://crew.example.org/api/v1/calendar/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg.ics';
const URL_2 = 'https://crew.example.org/api/v1/calendar/ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210zyxwvut.ics';

const feed = (extra: Record<string, unknown> = {}) => ({
  id: 4,
  kind: 'user',
  subject_id: 7,
  subject_name: 'Lea Roy',
  include_invited: false,
  created_at: '2027-01-05T10:00:00Z',
  last_polled_at: null,
  ...extra,
});
const created = (url: string, extra: Record<string, unknown> = {}) => ({
  ...feed(extra),
  url,
  webcal_url: url.replace('https://', 'webcal://'),
});

type Answer = (init: RequestInit | undefined) => Response;

/** A fetch that answers by "METHOD path"; every call is recorded. */
function serve(answers: Record<string, Answer>) {
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const answer = answers[`${init?.method ?? 'GET'} ${url}`];
    if (!answer) throw new Error(`unexpected ${init?.method ?? 'GET'} ${url}`);
    return answer(init);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function bodies(fetchMock: ReturnType<typeof serve>, method: string): unknown[] {
  return fetchMock.mock.calls
    .filter(([, init]) => (init?.method ?? 'GET') === method)
    .map(([, init]) => (init?.body ? JSON.parse(String(init.body)) : undefined));
}

afterEach(() => vi.unstubAllGlobals());

describe('CalendarFeedPanel', () => {
  it('creates my feed with the invitations, shows its address once with a copy button and how to subscribe', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const fetchMock = serve({
      'GET /api/v1/calendar-feeds/mine': () => jsonResponse(null),
      'POST /api/v1/calendar-feeds/mine': () => jsonResponse(created(URL_1, { include_invited: true }), 201),
    });
    renderWithProviders(<CalendarFeedPanel target={{ kind: 'mine' }} />);

    expect(await screen.findByRole('heading', { name: fr.calendar_feed_title_mine })).toBeInTheDocument();
    const toggle = await screen.findByRole('switch', { name: fr.calendar_feed_include_invited });
    await user.click(toggle);
    await user.click(screen.getByRole('button', { name: fr.calendar_feed_create }));

    const address = await screen.findByRole('textbox', { name: fr.calendar_feed_url_label });
    expect(address).toHaveValue(URL_1);
    expect(bodies(fetchMock, 'POST')).toEqual([{ include_invited: true }]);
    expect(screen.getByRole('link', { name: fr.calendar_feed_open_apple })).toHaveAttribute(
      'href',
      URL_1.replace('https://', 'webcal://'),
    );
    const how = screen.getByRole('region', { name: fr.calendar_feed_how_title });
    expect(within(how).getByText(fr.calendar_feed_how_google)).toBeInTheDocument();
    expect(within(how).getByText(fr.calendar_feed_how_outlook)).toBeInTheDocument();
    expect(within(how).getByText(fr.calendar_feed_how_apple)).toBeInTheDocument();
    expect(screen.getByText(fr.calendar_feed_with_invited)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: fr.calendar_feed_copy }));
    expect(writeText).toHaveBeenCalledWith(URL_1);
    expect(await screen.findByText(fr.calendar_feed_copied)).toHaveAttribute('role', 'status');
  });

  it('never shows an existing address, and regenerates it after a confirmation keeping the option', async () => {
    const user = userEvent.setup();
    const fetchMock = serve({
      'GET /api/v1/calendar-feeds/mine': () =>
        jsonResponse(feed({ include_invited: true, last_polled_at: '2027-01-06T08:00:00Z' })),
      'POST /api/v1/calendar-feeds/mine': () => jsonResponse(created(URL_2, { include_invited: true }), 201),
    });
    renderWithProviders(<CalendarFeedPanel target={{ kind: 'mine' }} />);

    expect(await screen.findByText(fr.calendar_feed_hidden_hint)).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: fr.calendar_feed_url_label })).not.toBeInTheDocument();
    expect(screen.queryByText(fr.calendar_feed_never_polled)).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: fr.calendar_feed_regenerate }));
    const dialog = await screen.findByRole('dialog', { name: fr.calendar_feed_regenerate_title });
    expect(within(dialog).getByText(fr.calendar_feed_regenerate_confirm)).toBeInTheDocument();
    expect(bodies(fetchMock, 'POST')).toEqual([]); // nothing before the confirmation
    await user.click(within(dialog).getByRole('button', { name: fr.calendar_feed_regenerate_action }));

    expect(await screen.findByRole('textbox', { name: fr.calendar_feed_url_label })).toHaveValue(URL_2);
    expect(bodies(fetchMock, 'POST')).toEqual([{ include_invited: true }]);
    expect(screen.queryByText(fr.calendar_feed_hidden_hint)).not.toBeInTheDocument();
  });

  it('deletes a project feed after a confirmation, and offers to create it again without options', async () => {
    const user = userEvent.setup();
    const fetchMock = serve({
      'GET /api/v1/projects/5/calendar-feed': () => jsonResponse(feed({ kind: 'project', subject_id: 5 })),
      'DELETE /api/v1/projects/5/calendar-feed': () => jsonResponse(null, 204),
      'POST /api/v1/projects/5/calendar-feed': () => jsonResponse(created(URL_1, { kind: 'project' }), 201),
    });
    renderWithProviders(<CalendarFeedPanel target={{ kind: 'project', id: 5 }} />);

    expect(await screen.findByRole('heading', { name: fr.calendar_feed_title_project })).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: fr.calendar_feed_delete }));
    const dialog = await screen.findByRole('dialog', { name: fr.calendar_feed_delete_title });
    await user.click(within(dialog).getByRole('button', { name: fr.calendar_feed_delete_action }));

    const again = await screen.findByRole('button', { name: fr.calendar_feed_create });
    expect(screen.queryByRole('switch')).not.toBeInTheDocument(); // the option is a person's
    await user.click(again);
    expect(await screen.findByRole('textbox', { name: fr.calendar_feed_url_label })).toHaveValue(URL_1);
    await waitFor(() => expect(bodies(fetchMock, 'POST')).toEqual([undefined]));
    expect(bodies(fetchMock, 'DELETE')).toHaveLength(1);
  });

  it('words the refusal of an account linked to no person', async () => {
    const user = userEvent.setup();
    serve({
      'GET /api/v1/calendar-feeds/mine': () => jsonResponse(null),
      'POST /api/v1/calendar-feeds/mine': () =>
        jsonResponse({ error: { code: 'calendar_feed.no_user', message: 'Your account is not linked' } }, 409),
    });
    renderWithProviders(<CalendarFeedPanel target={{ kind: 'mine' }} />);
    await user.click(await screen.findByRole('button', { name: fr.calendar_feed_create }));
    expect(await screen.findByText(fr.error_calendar_feed_no_user)).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });
});

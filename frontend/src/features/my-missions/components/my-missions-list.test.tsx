import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { Assignment } from '@/features/my-missions/api/list-my-assignments';
import { MyMissionsList } from '@/features/my-missions/components/my-missions-list';
import fr from '@/locales/fr.json';
import { jsonResponse, renderWithProviders } from '@/testing/render';

afterEach(() => vi.unstubAllGlobals());

const assignment = (id: number, missionId: number, status: string, extra: Partial<Assignment> = {}): Assignment => ({
  id,
  mission_id: missionId,
  mission_role_id: missionId * 10,
  role_name: 'Regie son',
  user_id: 2,
  status,
  starts_at: `2027-07-0${missionId}T17:00:00Z`,
  ends_at: `2027-07-0${missionId}T21:00:00Z`,
  duration_minutes: 240,
  decline_reason: null,
  answered_at: null,
  created_at: '2027-06-01T10:00:00Z',
  updated_at: '2027-06-01T10:00:00Z',
  reserve: false,
  ...extra,
});

const mission = (id: number, title: string) => ({
  id,
  project_id: 1,
  title,
  place: 'Cour',
  notes: '',
  starts_at: `2027-07-0${id}T17:00:00Z`,
  ends_at: `2027-07-0${id}T21:00:00Z`,
  duration_minutes: 240,
  allow_long: false,
  status: 'PUBLISHED',
  created_at: '2027-06-01T10:00:00Z',
  updated_at: '2027-06-01T10:00:00Z',
  roles: [],
});

const TITLES: Record<number, string> = { 1: 'Montage', 2: 'Concert', 3: 'Demontage', 9: 'Exploitation' };

function stub(items: Assignment[], onPost?: (url: string) => Response) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (init?.method === 'POST' && onPost) return onPost(url);
    const missionId = /\/missions\/(\d+)$/.exec(url)?.[1];
    if (missionId) return jsonResponse(mission(Number(missionId), TITLES[Number(missionId)] ?? 'Autre'));
    return jsonResponse({ items, page: 1, page_size: 200, total: items.length });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function card(title: string): HTMLElement {
  return screen.getByRole('heading', { name: title, level: 3 }).closest('li')!;
}

describe('MyMissionsList reserves', () => {
  it('labels an invited reserve and an accepted one with its place in line', async () => {
    stub([
      assignment(11, 1, 'INVITED', { reserve: true }),
      assignment(12, 2, 'ACCEPTED', { reserve: true, reserve_position: 2 }),
      assignment(13, 3, 'ACCEPTED'),
    ]);
    renderWithProviders(<MyMissionsList />);
    expect(await screen.findByRole('heading', { name: 'Montage', level: 3 })).toBeInTheDocument();
    expect(within(card('Montage')).getByText(fr.reserve_badge)).toBeInTheDocument();
    expect(within(card('Montage')).getByText(fr.my_missions_reserve_invited)).toBeInTheDocument();
    expect(within(card('Concert')).getByText(fr.reserve_badge_position.replace('{position}', '2'))).toBeInTheDocument();
    expect(
      within(card('Concert')).getByText(fr.my_missions_reserve_waiting.replace('{position}', '2')),
    ).toBeInTheDocument();
    expect(within(card('Demontage')).queryByText(fr.reserve_badge, { exact: false })).not.toBeInTheDocument();
  });

  it('says a reserve who accepts is on the reserve list', async () => {
    const fetchMock = stub([assignment(11, 1, 'INVITED', { reserve: true })], () =>
      jsonResponse(assignment(11, 1, 'ACCEPTED', { reserve: true, reserve_position: 1 })),
    );
    renderWithProviders(<MyMissionsList />);
    await screen.findByRole('heading', { name: 'Montage', level: 3 });
    await userEvent.click(screen.getByRole('button', { name: fr.my_missions_accept_of.replace('{title}', 'Montage') }));
    expect(
      await screen.findByText(fr.my_missions_accepted_reserve.replace('{title}', 'Montage')),
    ).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/assignments/11/accept', expect.objectContaining({ method: 'POST' }));
  });
});

describe('MyMissionsList sections', () => {
  afterEach(() => vi.useRealTimers());

  it('lists pending answers first, then upcoming, past and closed ones, with the hours of the week and month', async () => {
    // Thursday 8 July 2027, noon in Paris.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-07-08T10:00:00Z'));
    stub([
      assignment(11, 1, 'ACCEPTED'), // 1 July: past, last week
      assignment(12, 9, 'ACCEPTED'), // 9 July: upcoming, this week
      assignment(13, 2, 'DECLINED'),
      assignment(14, 3, 'INVITED', { starts_at: '2027-07-20T17:00:00Z', ends_at: '2027-07-20T21:00:00Z' }),
    ]);
    renderWithProviders(<MyMissionsList />);
    await screen.findByRole('heading', { name: 'Montage', level: 3 });
    const sections = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(sections).toEqual([
      fr.my_missions_hours_title,
      `${fr.my_missions_section_pending} (1)`,
      `${fr.my_missions_section_upcoming} (1)`,
      `${fr.my_missions_section_past} (1)`,
      `${fr.my_missions_section_closed} (1)`,
    ]);
    expect(within(card('Demontage')).getByRole('button', { name: fr.my_missions_accept_of.replace('{title}', 'Demontage') })).toBeInTheDocument();
    expect(within(card('Montage')).queryByRole('button')).toBeNull();
    const week = screen.getByText(fr.my_missions_hours_week).closest('div')!;
    expect(within(week).getByText('4 h')).toBeInTheDocument();
    const month = screen.getByText(fr.my_missions_hours_month).closest('div')!;
    expect(within(month).getByText('8 h')).toBeInTheDocument();
  });
});

describe('MyMissionsList offline', () => {
  it('says it shows the last sync, and keeps answers for when the network is back', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    stub([assignment(11, 1, 'INVITED')]);
    renderWithProviders(<MyMissionsList />);
    await screen.findByRole('heading', { name: 'Montage', level: 3 });
    expect(screen.getByText(/^Hors ligne, derni/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: fr.my_missions_accept_of.replace('{title}', 'Montage') })).toBeDisabled();
  });

  it('keeps the list it has when a refresh fails, and says so', async () => {
    let fail = false;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        if (init?.method === 'POST') {
          fail = true;
          return jsonResponse({ ...assignment(11, 1, 'ACCEPTED') });
        }
        const missionId = /\/missions\/(\d+)$/.exec(url)?.[1];
        if (missionId) return jsonResponse(mission(Number(missionId), TITLES[Number(missionId)] ?? 'Autre'));
        if (fail) throw new TypeError('Failed to fetch');
        return jsonResponse({ items: [assignment(11, 1, 'INVITED')], page: 1, page_size: 200, total: 1 });
      }),
    );
    renderWithProviders(<MyMissionsList />);
    await userEvent.click(await screen.findByRole('button', { name: fr.my_missions_accept_of.replace('{title}', 'Montage') }));
    // The answer refreshes the list; that refresh fails: the list stays, with the error above it.
    expect(await screen.findByText(fr.error_network_unreachable)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Montage', level: 3 })).toBeInTheDocument();
  });
});

import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { MyOffers } from '@/features/open-shifts/components/my-offers';
import { OpenShiftsList } from '@/features/open-shifts/components/open-shifts-list';
import fr from '@/locales/fr.json';
import { jsonResponse, pageResponse, renderWithProviders } from '@/testing/render';

afterEach(() => vi.unstubAllGlobals());

const msg = (template: string, vars: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));

const shift = {
  id: 3,
  mission_role_id: 9,
  mission_id: 5,
  role_name: 'Regie son',
  mission_title: 'Concert',
  place_name: 'Cour',
  starts_at: '2027-07-10T17:00:00Z',
  ends_at: '2027-07-10T21:00:00Z',
  required_skills: [],
  policy: 'first_come',
  status: 'FULL',
  quota: 1,
  free: 0,
  waitlisted: 2,
  score: 72,
  score_parts: { skills: 0.5, availability: 0, hours: 1, reliability: 1 },
  my_application: null,
};

const application = {
  id: 11,
  open_shift_id: 3,
  mission_id: 5,
  mission_role_id: 9,
  role_name: 'Regie son',
  mission_title: 'Concert',
  starts_at: shift.starts_at,
  ends_at: shift.ends_at,
  user_id: 2,
  first_name: 'Tina',
  last_name: 'Martin',
  status: 'OFFERED',
  position: null,
  offer_expires_at: '2027-07-01T10:00:00Z',
  assignment_id: null,
  created_at: '2027-06-30T10:00:00Z',
  updated_at: '2027-06-30T10:00:00Z',
};

type Call = { url: string; method: string };

function stubApi(answer: (call: Call) => Response) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const call = { url, method: init?.method ?? 'GET' };
      calls.push(call);
      return answer(call);
    }),
  );
  return calls;
}

describe('OpenShiftsList', () => {
  it('shows a full role with its waitlist and the score, and joins the waitlist', async () => {
    const calls = stubApi((call) =>
      call.method === 'POST' ? jsonResponse({ ...application, status: 'WAITLISTED', position: 3 }) : pageResponse([shift]),
    );
    renderWithProviders(<OpenShiftsList />);
    expect(await screen.findByText(msg(fr.open_shifts_full_waitlist_other, { count: 2 }))).toBeInTheDocument();
    expect(screen.getByText(msg(fr.open_shifts_score, { score: 72 }))).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: `${fr.open_shifts_join_waitlist} - Regie son - Concert` }));
    expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/open-shifts/3/apply'))).toBe(true);
  });

  it('says so when nothing is open', async () => {
    stubApi(() => pageResponse([]));
    renderWithProviders(<OpenShiftsList />);
    expect(await screen.findByText(fr.open_shifts_empty)).toBeInTheDocument();
  });
});

describe('MyOffers', () => {
  it('shows an offered place with its deadline and accepts it', async () => {
    const calls = stubApi((call) =>
      call.method === 'POST' ? jsonResponse({ ...application, status: 'ACCEPTED' }) : pageResponse([application]),
    );
    renderWithProviders(<MyOffers />);
    expect(await screen.findByText(fr.open_shifts_status_offered)).toBeInTheDocument();
    expect(screen.getByText(/R\u00e9pondre avant le/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: `${fr.open_shifts_accept_offer} - Regie son - Concert` }));
    expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/applications/11/accept-offer'))).toBe(true);
  });
});

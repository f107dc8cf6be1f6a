import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { ConflictsList } from '@/features/conflicts/components/conflicts-list';
import { describeConflict } from '@/lib/conflict-text';
import fr from '@/locales/fr.json';
import { jsonResponse, renderWithProviders } from '@/testing/render';

afterEach(() => vi.unstubAllGlobals());

const at = (hour: number) => `2027-07-10T${String(hour).padStart(2, '0')}:00:00Z`;
const conflict = {
  kind: 'overlap' as const,
  user: { id: 1, first_name: 'Alex', last_name: 'Double', employment_type: 'CDI' },
  confirmed: false,
  assignments: [
    { id: 11, mission_id: 1, mission_role_id: 1, project_id: 1, status: 'INVITED', starts_at: at(14), ends_at: at(18), timezone: 'Europe/Paris' },
    { id: 12, mission_id: 2, mission_role_id: 2, project_id: 1, status: 'INVITED', starts_at: at(16), ends_at: at(20), timezone: 'Europe/Paris' },
  ],
  target_assignment_id: 12,
  message: 'English text the UI must not show',
  hours: 2,
  limit_hours: null,
  suggestions: [{ user_id: 2, first_name: 'Noa', last_name: 'Libre', employment_type: 'CDI', skill_score: 0, week_hours: 0 }],
};
const counts = { overlap: 0, max_hours_day: 0, max_hours_week: 0, min_rest: 0, unavailable: 0, missing_skill: 0, skill_expired: 0 };
const report = (items: unknown[]) => ({
  window_start: at(0),
  window_end: at(23),
  timezone: 'Europe/Paris',
  total: items.length,
  truncated: false,
  counts: { ...counts, overlap: items.length },
  items,
});

describe('ConflictsList', () => {
  it('asks before replacing, then shows the result in the conflict card, with an Undo', async () => {
    const calls: { url: string; body: unknown }[] = [];
    let resolved = false;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        if (init?.method === 'POST') {
          calls.push({ url, body: JSON.parse(String(init.body)) });
          resolved = !resolved;
          return jsonResponse({ id: resolved ? 13 : 14, user_id: resolved ? 2 : 1, status: 'INVITED', warnings: [] }, 201);
        }
        return jsonResponse(report(resolved ? [] : [conflict]));
      }),
    );
    renderWithProviders(<ConflictsList initialFrom="2027-07-01" initialTo="2027-07-31" periodNote="Festival" />);
    const card = await screen.findByRole('article', { name: /Alex Double/ });
    expect(card).toHaveTextContent(describeConflict(conflict, { locale: 'fr', timeZone: 'Europe/Paris' }));
    expect(card).not.toHaveTextContent('English text');
    expect(screen.getByLabelText(fr.conflicts_from)).toHaveValue('2027-07-01');

    const replace = fr.conflicts_replace_with.replace('{who}', 'Alex Double').replace('{name}', 'Noa Libre');
    await userEvent.click(within(card).getByRole('button', { name: replace }));
    const title = fr.conflicts_replace_title.replace('{who}', 'Alex Double').replace('{name}', 'Noa Libre');
    const dialog = screen.getByRole('dialog', { name: title });
    expect(calls).toEqual([]);
    await userEvent.click(within(dialog).getByRole('button', { name: fr.conflicts_replace }));

    const done = fr.conflicts_replaced_here.replace('{name}', 'Noa Libre').replace('{who}', 'Alex Double');
    expect(await within(card).findByText(done)).toBeInTheDocument();
    expect(calls).toEqual([{ url: '/api/v1/conflicts/resolve', body: { assignment_id: 12, replacement_user_id: 2 } }]);
    // The report no longer lists it; the card stays in place with its result.
    expect(await screen.findByRole('article', { name: /Alex Double/ })).toHaveTextContent(done);

    await userEvent.click(screen.getByRole('button', { name: fr.undo_for.replace('{message}', done) }));
    const undone = fr.conflicts_undo_replace.replace('{who}', 'Alex Double').replace('{name}', 'Noa Libre');
    expect(await screen.findByText(undone)).toBeInTheDocument();
    expect(calls[1]).toEqual({ url: '/api/v1/conflicts/resolve', body: { assignment_id: 13, replacement_user_id: 1 } });
  });

  it('cancelling the confirmation sends nothing', async () => {
    const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => jsonResponse(report([conflict])));
    vi.stubGlobal('fetch', fetch);
    renderWithProviders(<ConflictsList initialFrom="2027-07-01" initialTo="2027-07-31" />);
    const card = await screen.findByRole('article', { name: /Alex Double/ });
    const replace = fr.conflicts_replace_with.replace('{who}', 'Alex Double').replace('{name}', 'Noa Libre');
    await userEvent.click(within(card).getByRole('button', { name: replace }));
    await userEvent.click(screen.getByRole('button', { name: fr.action_cancel }));
    expect(fetch.mock.calls.every(([, init]) => init?.method !== 'POST')).toBe(true);
  });
});

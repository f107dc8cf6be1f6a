import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { AbsenceOverlaps } from '@/features/availability/components/absence-overlaps';
import fr from '@/locales/fr.json';
import { jsonResponse, renderWithProviders } from '@/testing/render';

afterEach(() => vi.unstubAllGlobals());

const msg = (template: string, vars: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));

const suggestion = { user_id: 9, first_name: 'Bruno', last_name: 'Petit', employment_type: 'CDI', skill_score: 3, week_hours: 0 };
const overlap = (id: number, suggestions: unknown[]) => ({
  assignment_id: id,
  mission_id: 40 + id,
  mission_title: `Concert ${id}`,
  mission_role_id: 1,
  role_name: 'son',
  project_id: 3,
  starts_at: '2027-07-10T17:00:00Z',
  ends_at: '2027-07-10T21:00:00Z',
  timezone: 'Europe/Paris',
  suggestions,
});

function stub(body: unknown) {
  const fetchMock = vi.fn(async (_url: string) => jsonResponse(body));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('AbsenceOverlaps', () => {
  it('lists each accepted mission with its suggested replacements', async () => {
    const fetchMock = stub({ window_id: 5, user_id: 2, assignments: [overlap(1, [suggestion]), overlap(2, [])] });
    renderWithProviders(<AbsenceOverlaps windowId={5} />);
    expect(await screen.findByText(msg(fr.absence_overlaps_title_other, { count: 2 }))).toBeInTheDocument();
    expect(screen.getByText('Concert 1')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: msg(fr.absence_overlaps_replace_with, { name: 'Bruno Petit', mission: 'Concert 1' }) }),
    ).toBeInTheDocument();
    expect(screen.getByText(fr.absence_overlaps_no_suggestion)).toBeInTheDocument();
    expect(String(fetchMock.mock.calls[0]?.[0])).toMatch(/\/availability\/5\/overlaps$/);
  });

  it('says when the absence leaves no mission uncovered', async () => {
    stub({ window_id: 5, user_id: 2, assignments: [] });
    renderWithProviders(<AbsenceOverlaps windowId={5} />);
    expect(await screen.findByText(fr.absence_overlaps_none)).toBeInTheDocument();
  });

  it('replaces the absent person by a suggestion once the manager confirms', async () => {
    const user = userEvent.setup();
    const calls: { url: string; method: string; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        calls.push({ url: String(url), method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : null });
        if (init?.method === 'POST') return jsonResponse({ id: 77 }, 201);
        return jsonResponse({ window_id: 5, user_id: 2, assignments: [overlap(1, [suggestion])] });
      }),
    );
    renderWithProviders(<AbsenceOverlaps windowId={5} />);
    await user.click(await screen.findByRole('button', { name: msg(fr.absence_overlaps_replace_with, { name: 'Bruno Petit', mission: 'Concert 1' }) }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(msg(fr.conflicts_replace_title, { who: fr.absence_overlaps_absent, name: 'Bruno Petit' }));
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: fr.conflicts_replace }));
    expect(await screen.findByText(msg(fr.absence_overlaps_replaced, { name: 'Bruno Petit', mission: 'Concert 1' }))).toBeInTheDocument();
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.url).toMatch(/\/conflicts\/resolve$/);
    expect(post?.body).toEqual({ assignment_id: 1, replacement_user_id: 9 });
  });
});

import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { AuditLog } from '@/features/audit/components/audit-log';
import { useLocaleStore } from '@/lib/i18n/locale-store';
import en from '@/locales/en.json';
import fr from '@/locales/fr.json';
import { jsonResponse, renderWithProviders } from '@/testing/render';

afterEach(() => {
  vi.unstubAllGlobals();
  act(() => useLocaleStore.getState().setLocale('fr'));
});

const camille = { id: 3, email: 'camille@example.org', display_name: 'Camille Roux' };

const missionUpdated = {
  id: 12,
  action: 'mission.updated',
  target: 'mission:42',
  actor: camille,
  payload: {
    before: { title: 'Exploitation', ends_at: '2027-07-10T23:00:00+00:00', status: 'DRAFT' },
    after: { title: 'Exploitation Cour', ends_at: '2027-07-11T00:00:00+00:00', status: 'PUBLISHED' },
  },
  created_at: '2027-07-01T08:30:00Z',
};

const linkAnswer = {
  id: 11,
  action: 'assignment.accepted',
  target: 'assignment:7',
  actor: null,
  payload: { via: 'link', user_id: 5, before: { status: 'INVITED' }, after: { status: 'ACCEPTED' } },
  created_at: '2027-07-01T08:00:00Z',
};

const userUpdated = {
  id: 10,
  action: 'user.updated',
  target: 'user:5',
  actor: camille,
  payload: { before: { legal_ids: '[redacted]', phone: null }, after: { legal_ids: '[redacted]', phone: '0600' } },
  created_at: '2027-06-30T08:00:00Z',
};

/** The text of one change row: field, then before and after with their screen-reader labels. */
function change(field: string, before: string, after: string): string {
  return `${field} ${fr.audit_before} ${before} ${fr.audit_arrow} ${fr.audit_after} ${after}`;
}

const roleChanged = {
  id: 9,
  action: 'member.role_changed',
  target: 'account:8',
  actor: camille,
  payload: { before: { role: 'tech' }, after: { role: 'manager' } },
  created_at: '2027-06-29T08:00:00Z',
};

function fetchWith(pages: Record<string, unknown>) {
  return vi.fn(async (url: string) => {
    const cursor = new URL(url, 'http://x').searchParams.get('cursor') ?? '';
    return jsonResponse(pages[cursor] ?? { items: [], next_cursor: null });
  });
}

describe('AuditLog', () => {
  it('shows who did what to what, and each changed field before and after, in French', async () => {
    vi.stubGlobal(
      'fetch',
      fetchWith({ '': { items: [missionUpdated, linkAnswer, userUpdated, roleChanged], next_cursor: null } }),
    );
    renderWithProviders(<AuditLog actors={[]} />);

    const entry = await screen.findByRole('article', { name: new RegExp(fr.audit_action_mission_updated) });
    expect(entry).toHaveTextContent('Mission #42');
    expect(within(entry).getByText('Par Camille Roux (camille@example.org)')).toBeInTheDocument();
    const changes = within(entry).getByRole('list', { name: fr.audit_changes });
    const rows = within(changes).getAllByRole('listitem');
    expect(rows.map((row) => row.textContent)).toEqual([
      change(fr.audit_field_title, 'Exploitation', 'Exploitation Cour'),
      // Instants in the org's timezone (Paris, UTC+2 in July).
      change(fr.audit_field_ends_at, '11 juil. 2027, 01:00', '11 juil. 2027, 02:00'),
      change(fr.audit_field_status, fr.audit_value_draft, fr.audit_value_published),
    ]);

    const answer = screen.getByRole('article', { name: new RegExp(fr.audit_action_assignment_accepted) });
    expect(answer).toHaveTextContent(fr.audit_by_nobody);
    expect(answer).toHaveTextContent(change(fr.audit_field_status, fr.audit_value_invited, fr.audit_value_accepted));
    expect(answer).toHaveTextContent(`${fr.audit_detail_user_id}5`);
    const user = screen.getByRole('article', { name: new RegExp(fr.audit_action_user_updated) });
    expect(user).toHaveTextContent(change(fr.audit_field_legal_ids, fr.audit_value_redacted, fr.audit_value_redacted));
    expect(user).toHaveTextContent(change(fr.audit_field_phone, fr.audit_value_empty, '0600'));
    expect(within(user).getByRole('link', { name: 'Personne #5' })).toHaveAttribute('href', '/users/5');
    const role = screen.getByRole('article', { name: new RegExp(fr.audit_action_member_role_changed) });
    expect(role).toHaveTextContent(change(fr.audit_field_role, fr.role_tech, fr.role_manager));
    expect(role).toHaveTextContent(`${fr.audit_noun_account} #8`);
    expect(screen.getByText(fr.audit_shown_other.replace('{count}', '4'))).toBeInTheDocument();
    expect(screen.getByText(fr.audit_end)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: fr.audit_load_more })).not.toBeInTheDocument();
  });

  it("shows a place's new timezone, with a link to the places", async () => {
    const placeUpdated = {
      id: 13,
      action: 'place.updated',
      target: 'place:7',
      actor: camille,
      payload: { before: { timezone: 'America/Montreal' }, after: { timezone: 'America/Toronto' } },
      created_at: '2027-07-01T09:00:00Z',
    };
    vi.stubGlobal('fetch', fetchWith({ '': { items: [placeUpdated], next_cursor: null } }));
    renderWithProviders(<AuditLog actors={[]} />);

    const entry = await screen.findByRole('article', { name: new RegExp(fr.audit_action_place_updated) });
    expect(entry).toHaveTextContent(change(fr.audit_field_timezone, 'America/Montreal', 'America/Toronto'));
    expect(within(entry).getByRole('link', { name: `${fr.audit_noun_place} #7` })).toHaveAttribute('href', '/places');
  });

  it('loads the next page with the cursor and appends it', async () => {
    const fetchMock = fetchWith({
      '': { items: [missionUpdated], next_cursor: 'c1' },
      c1: { items: [linkAnswer], next_cursor: null },
    });
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<AuditLog actors={[]} />);

    await userEvent.click(await screen.findByRole('button', { name: fr.audit_load_more }));
    expect(
      await screen.findByRole('article', { name: new RegExp(fr.audit_action_assignment_accepted) }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('article')).toHaveLength(2);
    expect(fetchMock).toHaveBeenLastCalledWith('/api/v1/audit?page_size=50&cursor=c1', expect.anything());
    expect(screen.queryByRole('button', { name: fr.audit_load_more })).not.toBeInTheDocument();
  });

  it('sends the filters it is given, and clears them', async () => {
    const fetchMock = fetchWith({ '': { items: [missionUpdated], next_cursor: null } });
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<AuditLog actors={[{ id: 3, label: 'Camille Roux (camille@example.org)' }]} />);
    await screen.findByRole('article');

    await userEvent.selectOptions(screen.getByLabelText(fr.audit_filter_actor), 'Camille Roux (camille@example.org)');
    await userEvent.selectOptions(screen.getByLabelText(fr.audit_filter_action), 'Mission');
    await userEvent.type(screen.getByLabelText(fr.audit_filter_target), 'mission:42');
    await userEvent.type(screen.getByLabelText(fr.audit_filter_from), '2027-07-01');
    await userEvent.type(screen.getByLabelText(fr.audit_filter_to), '2027-07-31');
    await userEvent.click(screen.getByRole('button', { name: fr.audit_filter_apply }));
    await vi.waitFor(() =>
      expect(fetchMock).toHaveBeenLastCalledWith(
        '/api/v1/audit?page_size=50&actor=3&action=mission.&target=mission%3A42&from=2027-07-01&to=2027-07-31',
        expect.anything(),
      ),
    );

    await userEvent.click(screen.getByRole('button', { name: fr.audit_filter_reset }));
    for (const name of [fr.audit_filter_actor, fr.audit_filter_action, fr.audit_filter_target, fr.audit_filter_from]) {
      expect(screen.getByLabelText(name)).toHaveValue('');
    }
    // Back to the unfiltered log (the first page read is still fresh: no second request).
    expect(await screen.findByRole('article', { name: new RegExp(fr.audit_action_mission_updated) })).toBeInTheDocument();
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual([
      '/api/v1/audit?page_size=50',
      '/api/v1/audit?page_size=50&actor=3&action=mission.&target=mission%3A42&from=2027-07-01&to=2027-07-31',
    ]);
  });

  it('refuses a window that ends before it starts, under the end field, without a request', async () => {
    const fetchMock = fetchWith({ '': { items: [missionUpdated], next_cursor: null } });
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<AuditLog actors={[]} />);
    await screen.findByRole('article');
    await userEvent.type(screen.getByLabelText(fr.audit_filter_from), '2027-07-31');
    await userEvent.type(screen.getByLabelText(fr.audit_filter_to), '2027-07-01');
    await userEvent.click(screen.getByRole('button', { name: fr.audit_filter_apply }));
    expect(await screen.findByText(fr.audit_filter_bad_window)).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('says when nothing matches, and words API errors', async () => {
    vi.stubGlobal('fetch', fetchWith({}));
    const { unmount } = renderWithProviders(<AuditLog actors={[]} />);
    expect(await screen.findByText(fr.audit_empty)).toBeInTheDocument();
    unmount();

    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse({ error: { code: 'auth.forbidden', message: 'Your role cannot perform audit.read' } }, 403),
      ),
    );
    renderWithProviders(<AuditLog actors={[]} />);
    expect(await screen.findByRole('alert')).toBeInTheDocument();
  });

  it('speaks English on choice', async () => {
    act(() => useLocaleStore.getState().setLocale('en'));
    vi.stubGlobal('fetch', fetchWith({ '': { items: [missionUpdated], next_cursor: null } }));
    renderWithProviders(<AuditLog actors={[]} />);
    const entry = await screen.findByRole('article', { name: /Mission changed/ });
    expect(entry).toHaveTextContent('By Camille Roux (camille@example.org)');
    expect(entry).toHaveTextContent(
      `${en.audit_field_status} ${en.audit_before} Draft ${en.audit_arrow} ${en.audit_after} Published`,
    );
    expect(screen.getByLabelText(en.audit_filter_actor)).toBeInTheDocument();
  });
});

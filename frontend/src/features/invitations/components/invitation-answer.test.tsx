import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { InvitationAnswer } from '@/features/invitations/components/invitation-answer';
import fr from '@/locales/fr.json';
import { jsonResponse, renderWithProviders } from '@/testing/render';

const mission = {
  invitation_id: 7,
  mission_title: 'Montage scene',
  place: 'Cour du chateau',
  role_name: 'Regie son',
  // 16:00-20:00 UTC is 18:00-22:00 in Paris but 12:00-16:00 in Montreal.
  starts_at: '2027-07-12T16:00:00Z',
  ends_at: '2027-07-12T20:00:00Z',
  org_name: 'Festival des Cours',
  timezone: 'Europe/Paris',
};

const invitation = {
  ...mission,
  assignment_status: 'INVITED',
  answer: null,
  answered_at: null,
  expires_at: '2027-07-10T16:00:00Z',
  expired: false,
  revoked: false,
};

const answer = {
  ...mission,
  assignment_status: 'ACCEPTED',
  answer: 'ACCEPTED',
  answered_at: '2027-07-01T10:00:00Z',
  replayed: false,
};

type Handler = (init: RequestInit | undefined) => Response;

/** A fetch that answers the public read with `view` and any POST with `post`. */
function stubFetch(view: unknown, post?: Handler, viewStatus = 200) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    if ((init?.method ?? 'GET') === 'GET') return jsonResponse(view, viewStatus);
    if (!post) throw new Error(`unexpected ${String(input)}`);
    return post(init);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

/** The "When" line of the mission details, once the invitation is read. */
async function whenLine(): Promise<HTMLElement> {
  const term = await screen.findByText(fr.invitation_when);
  return term.nextElementSibling as HTMLElement;
}

describe('InvitationAnswer', () => {
  it('shows the mission in the org timezone before any answer', async () => {
    const fetchMock = stubFetch(invitation);
    renderWithProviders(<InvitationAnswer invitationId="7" token="abc+/=" />);
    expect(await screen.findByText('Montage scene')).toBeInTheDocument();
    expect(screen.getByText('Regie son')).toBeInTheDocument();
    expect(screen.getByText('Cour du chateau')).toBeInTheDocument();
    expect(screen.getByText('Festival des Cours')).toBeInTheDocument();
    expect(await whenLine()).toHaveTextContent(/12 juil\. 2027.*18:00.*22:00/);
    expect(screen.getByText(fr.invitation_time_zone.replace('{zone}', 'heure de Paris'))).toBeInTheDocument();
    expect(screen.queryByText(/Europe\/Paris/)).not.toBeInTheDocument();
    expect(screen.getByText(/Festival des Cours vous propose une mission/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Accepter' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Refuser' })).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/v1/invitations/7/public?token=abc%2B%2F%3D',
      expect.objectContaining({ method: 'GET' }),
    );
  });

  it('uses the timezone of the invitation, not a default one', async () => {
    stubFetch({ ...invitation, timezone: 'America/Montreal' });
    renderWithProviders(<InvitationAnswer invitationId="7" token="t" />);
    expect(await whenLine()).toHaveTextContent(/12 juil\. 2027.*12:00.*16:00/);
  });

  it('shows a mission spanning midnight with both dates', async () => {
    stubFetch({ ...invitation, ends_at: '2027-07-12T23:30:00Z' });
    renderWithProviders(<InvitationAnswer invitationId="7" token="t" />);
    expect(await whenLine()).toHaveTextContent(/12 juil\. 2027.*18:00.*13 juil\. 2027.*01:30/);
  });

  it('accepts through the public route with the token and shows the mission', async () => {
    const fetchMock = stubFetch(invitation, () => jsonResponse(answer));
    renderWithProviders(<InvitationAnswer invitationId="7" token="abc+/=" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Accepter' }));
    expect(await screen.findByText(fr.invitation_accepted)).toBeInTheDocument();
    expect(screen.getByText('Montage scene')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Accepter' })).toBeNull();
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/v1/invitations/7/accept?token=abc%2B%2F%3D',
      expect.objectContaining({ method: 'POST' }),
    );
  });

  it('says "already accepted" on a replay', async () => {
    stubFetch(invitation, () => jsonResponse({ ...answer, replayed: true }));
    renderWithProviders(<InvitationAnswer invitationId="7" token="t" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Accepter' }));
    expect(await screen.findByText(fr.invitation_already_accepted)).toBeInTheDocument();
  });

  it('declines with a reason', async () => {
    const fetchMock = stubFetch(invitation, () =>
      jsonResponse({ ...answer, answer: 'DECLINED', assignment_status: 'DECLINED' }),
    );
    renderWithProviders(<InvitationAnswer invitationId="7" token="t" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Refuser' }));
    await userEvent.type(screen.getByLabelText('Motif (facultatif)'), 'deja pris ce soir-la');
    await userEvent.click(screen.getByRole('button', { name: 'Confirmer le refus' }));
    expect(await screen.findByText(fr.invitation_declined)).toBeInTheDocument();
    const [url, init] = fetchMock.mock.calls[1] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/invitations/7/decline?token=t');
    expect(JSON.parse(String(init.body))).toEqual({ reason: 'deja pris ce soir-la' });
  });

  it('opens the decline form when the link preselects it, without submitting', async () => {
    const fetchMock = stubFetch(invitation);
    renderWithProviders(<InvitationAnswer invitationId="7" token="t" preselect="decline" />);
    expect(await screen.findByLabelText('Motif (facultatif)')).toBeInTheDocument();
    expect(screen.getByText('Montage scene')).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('focuses Accept when the link preselects it, without submitting', async () => {
    const fetchMock = stubFetch(invitation);
    renderWithProviders(<InvitationAnswer invitationId="7" token="t" preselect="accept" />);
    expect(await screen.findByRole('button', { name: 'Accepter' })).toHaveFocus();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['ACCEPTED', fr.invitation_already_accepted, fr.assignment_status_accepted],
    ['DECLINED', fr.invitation_already_declined, fr.assignment_status_declined],
  ])('shows an answered (%s) invitation without buttons', async (given, headline, badge) => {
    stubFetch({ ...invitation, answer: given, assignment_status: given, answered_at: '2027-07-01T10:00:00Z' });
    renderWithProviders(<InvitationAnswer invitationId="7" token="t" />);
    expect(await screen.findByText(headline)).toHaveAttribute('role', 'status');
    expect(screen.getByText('Montage scene')).toBeInTheDocument();
    expect(screen.getByText(badge)).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it.each([
    [{ expired: true }, fr.invitation_expired_title, fr.error_invitation_expired],
    [{ revoked: true }, fr.invitation_revoked_title, fr.error_invitation_revoked],
    [{ expired: true, revoked: true }, fr.invitation_revoked_title, fr.error_invitation_revoked],
  ])('says a %o link is closed, without buttons', async (state, title, message) => {
    stubFetch({ ...invitation, ...state });
    renderWithProviders(<InvitationAnswer invitationId="7" token="t" />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(title);
    expect(alert).toHaveTextContent(message);
    expect(screen.getByText('Montage scene')).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says a forged link is invalid, without buttons', async () => {
    stubFetch({ error: { code: 'invitation.not_found', message: 'x' } }, undefined, 404);
    renderWithProviders(<InvitationAnswer invitationId="7" token="forged" />);
    expect(await screen.findByRole('alert')).toHaveTextContent(fr.invitation_not_found_title);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByText('Montage scene')).toBeNull();
  });

  it('explains a rate limit and offers to retry', async () => {
    const fetchMock = stubFetch({ error: { code: 'invitation.rate_limited', message: 'x' } }, undefined, 429);
    renderWithProviders(<InvitationAnswer invitationId="7" token="t" />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(fr.invitation_load_error_title);
    expect(alert).toHaveTextContent(fr.error_invitation_rate_limited);
    fetchMock.mockImplementation(async () => jsonResponse(invitation));
    await userEvent.click(screen.getByRole('button', { name: fr.action_retry }));
    expect(await screen.findByRole('button', { name: 'Accepter' })).toBeInTheDocument();
  });

  it.each([
    [410, 'invitation.expired', fr.invitation_expired_title],
    [410, 'invitation.revoked', fr.invitation_revoked_title],
    [409, 'invitation.already_answered', fr.invitation_already_answered_title],
  ])('shows a %i %s on answering clearly and hides the buttons', async (status, code, title) => {
    stubFetch(invitation, () => jsonResponse({ error: { code, message: 'x' } }, status));
    renderWithProviders(<InvitationAnswer invitationId="7" token="t" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Accepter' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(title);
    expect(screen.queryByRole('button', { name: 'Accepter' })).toBeNull();
  });

  it('explains a link without a token and reads nothing', () => {
    const fetchMock = stubFetch(invitation);
    renderWithProviders(<InvitationAnswer invitationId="7" token={null} />);
    expect(screen.getByRole('alert')).toHaveTextContent('incomplet');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('InvitationAnswer for a reserve', () => {
  it('says the person is on the reserve list before answering, then gives the place in line', async () => {
    stubFetch({ ...invitation, reserve: true, reserve_position: null }, () =>
      jsonResponse({ ...answer, reserve: true, reserve_position: 2 }),
    );
    renderWithProviders(<InvitationAnswer invitationId="7" token="t" />);
    expect(await screen.findByText(fr.invitation_reserve_intro)).toBeInTheDocument();
    const plain = fr.invitation_reserve_intro.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    expect(plain).toContain('vous etes sur la liste de reserve');
    await userEvent.click(screen.getByRole('button', { name: 'Accepter' }));
    expect(await screen.findByText(fr.invitation_reserve_waiting.replace('{position}', '2'))).toBeInTheDocument();
    expect(screen.getByText(fr.invitation_reserve_status)).toBeInTheDocument();
  });

  it('shows a reserve who already accepted its place in line, and nothing of the kind to others', async () => {
    stubFetch({ ...invitation, ...answer, answer: 'ACCEPTED', reserve: true, reserve_position: 1 });
    const view = renderWithProviders(<InvitationAnswer invitationId="7" token="t" />);
    expect(await screen.findByText(fr.invitation_reserve_waiting.replace('{position}', '1'))).toBeInTheDocument();
    view.unmount();
    vi.unstubAllGlobals();

    stubFetch({ ...invitation, reserve: false });
    renderWithProviders(<InvitationAnswer invitationId="7" token="t" />);
    expect(await screen.findByRole('button', { name: 'Accepter' })).toBeInTheDocument();
    expect(screen.queryByText(fr.invitation_reserve_intro)).not.toBeInTheDocument();
  });
});

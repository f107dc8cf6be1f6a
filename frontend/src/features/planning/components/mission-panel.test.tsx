import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { MissionView, PlanningAssignment } from '@/features/planning/api/get-planning';
import { MissionPanel } from '@/features/planning/components/mission-panel';
import { PlanningStoreProvider } from '@/features/planning/stores/planning-store';
import fr from '@/locales/fr.json';
import { jsonResponse, renderWithProviders } from '@/testing/render';

afterEach(() => vi.unstubAllGlobals());

const mission: MissionView = {
  id: 3,
  project_id: 1,
  project_name: 'Festival 2027',
  title: 'Montage',
  place_id: 4,
  place: 'Cour',
  timezone: 'Europe/Paris',
  starts_at: '2027-07-05T06:00:00Z',
  ends_at: '2027-07-05T11:00:00Z',
  duration_minutes: 300,
  status: 'PLANNED',
  roles: [{ id: 30, name: 'Regie son', quota: 2, pending: 2, accepted: 0, declined: 1, open: 2, reserves: 0, required_skills: [] }],
};

const row = (id: number, userId: number, status: string, delivery: string | null): PlanningAssignment => ({
  id,
  mission_id: 3,
  mission_role_id: 30,
  user_id: userId,
  status,
  decline_reason: null,
  delivery_status: delivery,
  reserve: false,
});

const detail = (id: number, userId: number, invitationId: number, status: string, error: string | null) => ({
  id,
  mission_id: 3,
  mission_role_id: 30,
  role_name: 'Regie son',
  user_id: userId,
  status: 'INVITED',
  starts_at: mission.starts_at,
  ends_at: mission.ends_at,
  decline_reason: null,
  answered_at: null,
  created_at: '2027-07-01T10:00:00Z',
  updated_at: '2027-07-01T10:00:00Z',
  invitation: {
    id: invitationId,
    expires_at: '2027-07-15T10:00:00Z',
    revoked_at: null,
    answer: null,
    answered_at: null,
    delivery: { status, channel: status === 'sent' ? 'email' : null, error, attempts: 1, updated_at: '2027-07-01T10:00:01Z' },
  },
});

const names = new Map([
  [2, 'Lea Martin'],
  [4, 'Noe Petit'],
]);

function renderPanel() {
  return renderWithProviders(
    <PlanningStoreProvider>
      <MissionPanel
        mission={mission}
        assignments={[row(7, 2, 'INVITED', 'no_channel'), row(8, 4, 'INVITED', 'sent')]}
        userNames={names}
        warnings={[]}
        inviting={false}
        onInvite={() => undefined}
      />
    </PlanningStoreProvider>,
  );
}

function Panel({ onInvite }: { onInvite: (roleId: number, userId: number, reserve: boolean) => void }) {
  return (
    <MissionPanel
      mission={mission}
      assignments={[]}
      userNames={names}
      warnings={[]}
      inviting={false}
      onInvite={onInvite}
    />
  );
}

function Moving({ onInvite }: { onInvite: (roleId: number, userId: number, reserve: boolean) => void }) {
  const [where, setWhere] = useState('side');
  return (
    <PlanningStoreProvider>
      <button type="button" onClick={() => setWhere('drawer')}>
        move
      </button>
      <Panel key={where} onInvite={onInvite} />
    </PlanningStoreProvider>
  );
}

const resendFor = (name: string) => fr.planning_resend_for.replace('{name}', name);

function item(name: string): HTMLElement {
  return screen.getByText(name, { selector: 'li span' }).closest('li')!;
}

describe('MissionPanel', () => {
  it('shows the duration and what each role count counts', () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse({ items: [], page: 1, page_size: 100, total: 0 })));
    renderPanel();
    const region = screen.getByRole('region', { name: 'Montage' });
    expect(region).toHaveTextContent('(5 h)');
    const fill = fr.planning_role_fill
      .replace('{accepted}', '0')
      .replace('{quota}', '2')
      .replace('{pending}', '2')
      .replace('{declined}', '1')
      .replace('{open}', '2');
    expect(within(region).getByText(`Regie son: ${fill}`)).toBeInTheDocument();
  });
});

describe('MissionPanel delivery state', () => {
  it('shows what became of each link, with the reason of a failure', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse({ items: [detail(7, 2, 40, 'no_channel', 'no email address'), detail(8, 4, 41, 'sent', null)], page: 1, page_size: 100, total: 2 }),
      ),
    );
    renderPanel();
    expect(within(item('Lea Martin')).getByText(fr.planning_delivery_no_channel)).toBeInTheDocument();
    expect(await within(item('Lea Martin')).findByText(fr.planning_delivery_error_no_email)).toBeInTheDocument();
    expect(within(item('Noe Petit')).getByText(fr.planning_delivery_sent)).toBeInTheDocument();
    expect(within(item('Noe Petit')).queryByText(fr.planning_delivery_error_unknown)).not.toBeInTheDocument();
  });

  it('shows an unknown error as a detail under a generic reason', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse({ items: [detail(7, 2, 40, 'failed', 'ValueError: boom')], page: 1, page_size: 100, total: 1 })),
    );
    renderPanel();
    expect(await within(item('Lea Martin')).findByText(fr.planning_delivery_error_unknown, { exact: false })).toBeInTheDocument();
    expect(within(item('Lea Martin')).getByText('ValueError: boom')).toBeInTheDocument();
  });

  it('resends an invitation by its id and says so', async () => {
    const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => {
      if (init?.method === 'POST') return jsonResponse({ ...detail(7, 2, 42, 'queued', null).invitation });
      return jsonResponse({ items: [detail(7, 2, 40, 'no_channel', 'no email address'), detail(8, 4, 41, 'sent', null)], page: 1, page_size: 100, total: 2 });
    });
    vi.stubGlobal('fetch', fetchMock);
    renderPanel();
    await userEvent.click(await screen.findByRole('button', { name: resendFor('Lea Martin') }));
    expect(await screen.findByRole('status')).toHaveTextContent(fr.planning_resent.replace('{name}', 'Lea Martin'));
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(post?.[0]).toBe('/api/v1/invitations/40/resend');
    expect(screen.getByRole('button', { name: resendFor('Noe Petit') })).toBeInTheDocument();
  });

  it('explains a resend refused because the person already answered', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init?: RequestInit) => {
        if (init?.method === 'POST') {
          return jsonResponse({ error: { code: 'invitation.already_answered', message: 'Only an invitation...', details: {} } }, 409);
        }
        return jsonResponse({ items: [detail(7, 2, 40, 'no_channel', 'no email address')], page: 1, page_size: 100, total: 1 });
      }),
    );
    renderPanel();
    await userEvent.click(await screen.findByRole('button', { name: resendFor('Lea Martin') }));
    expect(await screen.findByRole('alert')).toHaveTextContent(fr.planning_resend_error_answered);
  });
});

describe('MissionPanel for a role that may not invite', () => {
  it('shows the crew and the state of each link, without invite form or resend', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse({ items: [detail(7, 2, 40, 'no_channel', null), detail(8, 4, 41, 'sent', null)], page: 1, page_size: 100, total: 2 }),
      ),
    );
    renderWithProviders(
      <PlanningStoreProvider>
        <MissionPanel
          mission={mission}
          assignments={[row(7, 2, 'INVITED', 'no_channel'), row(8, 4, 'INVITED', 'sent')]}
          userNames={names}
          warnings={[]}
          inviting={false}
        />
      </PlanningStoreProvider>,
    );
    expect(await within(item('Noe Petit')).findByText(fr.planning_delivery_sent)).toBeInTheDocument();
    expect(screen.getByText('Lea Martin')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: resendFor('Lea Martin') })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: fr.planning_invite })).not.toBeInTheDocument();
    expect(screen.queryByLabelText(fr.planning_invite_user)).not.toBeInTheDocument();
  });
});

describe('MissionPanel reserves', () => {
  const reserveRow = (id: number, userId: number, position: number | null): PlanningAssignment => ({
    ...row(id, userId, position === null ? 'INVITED' : 'ACCEPTED', null),
    reserve: true,
    reserve_position: position,
  });
  const crew = new Map([...names, [5, 'Ines Roy']]);

  function renderReserves(quota: number, onInvite: (roleId: number, userId: number, reserve: boolean) => void) {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse({ items: [], page: 1, page_size: 100, total: 0 })));
    const full = { ...mission, roles: [{ ...mission.roles[0]!, quota, pending: 0, accepted: 2, open: quota - 2, reserves: 2 }] };
    return renderWithProviders(
      <PlanningStoreProvider>
        <MissionPanel
          mission={full}
          assignments={[
            { ...row(7, 2, 'ACCEPTED', null) },
            reserveRow(8, 4, 1),
            reserveRow(9, 5, null),
          ]}
          userNames={crew}
          warnings={[]}
          inviting={false}
          onInvite={onInvite}
        />
      </PlanningStoreProvider>,
    );
  }

  it('counts the reserves of a role and labels each reserve with its place in line', () => {
    renderReserves(2, () => undefined);
    expect(screen.getByText(fr.planning_role_reserves.replace('{count}', '2'), { exact: false })).toBeInTheDocument();
    expect(within(item('Noe Petit')).getByText(fr.reserve_badge_position.replace('{position}', '1'))).toBeInTheDocument();
    expect(within(item('Ines Roy')).getByText(fr.reserve_badge)).toBeInTheDocument();
    expect(within(item('Lea Martin')).queryByText(fr.reserve_badge)).not.toBeInTheDocument();
  });

  it('offers the reserve list when the role is full and invites with reserve', async () => {
    const onInvite = vi.fn();
    renderReserves(2, onInvite);
    const box = screen.getByRole('checkbox', { name: fr.planning_reserve_invite });
    expect(box).toHaveAccessibleDescription(fr.planning_reserve_hint.replace('{quota}', '2'));
    await userEvent.selectOptions(screen.getByLabelText(fr.planning_invite_user), '5');
    await userEvent.click(box);
    await userEvent.click(screen.getByRole('button', { name: fr.planning_invite }));
    expect(onInvite).toHaveBeenCalledWith(30, 5, true);
  });

  it('has no reserve option on a role with a free place', async () => {
    const onInvite = vi.fn();
    renderReserves(3, onInvite);
    expect(screen.queryByRole('checkbox', { name: fr.planning_reserve_invite })).not.toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText(fr.planning_invite_user), '5');
    await userEvent.click(screen.getByRole('button', { name: fr.planning_invite }));
    expect(onInvite).toHaveBeenCalledWith(30, 5, false);
  });
});

describe('MissionPanel invite form', () => {
  it('keeps the chosen person when the panel is mounted anew (desktop <-> phone drawer)', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse({ items: [], page: 1, page_size: 100, total: 0 })));
    const onInvite = vi.fn();
    renderWithProviders(<Moving onInvite={onInvite} />);
    await userEvent.selectOptions(screen.getByLabelText(fr.planning_invite_user), '4');

    // The screen moves the panel into the drawer: another element, the same store.
    await userEvent.click(screen.getByRole('button', { name: 'move' }));

    expect(screen.getByLabelText(fr.planning_invite_user)).toHaveValue('4');
    await userEvent.click(screen.getByRole('button', { name: fr.planning_invite }));
    expect(onInvite).toHaveBeenCalledWith(30, 4, false);
  });
});

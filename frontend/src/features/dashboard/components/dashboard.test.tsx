import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { Dashboard, DashboardAssignment, DashboardManager } from '@/features/dashboard/api/get-dashboard';
import { ManagerDashboard } from '@/features/dashboard/components/manager-dashboard';
import { TechDashboard } from '@/features/dashboard/components/tech-dashboard';
import fr from '@/locales/fr.json';
import { jsonResponse, renderWithProviders } from '@/testing/render';

afterEach(() => vi.unstubAllGlobals());

const NOW = '2027-07-10T10:00:00Z';

const assignment = (id: number, extra: Partial<DashboardAssignment> = {}): DashboardAssignment => ({
  id,
  mission_id: 40 + id,
  mission: `Mission ${id}`,
  project_id: 1,
  role: 'son',
  user_id: 7,
  user: 'Lea Roux',
  status: 'INVITED',
  reserve: false,
  starts_at: '2027-07-11T17:00:00Z',
  ends_at: '2027-07-11T21:00:00Z',
  timezone: 'Europe/Paris',
  place: 'Cour',
  invited_at: '2027-07-07T09:00:00Z',
  answered_at: null,
  decline_reason: null,
  ...extra,
});

const manager = (extra: Partial<DashboardManager> = {}): DashboardManager => ({
  missing_people: {
    total: 23,
    items: [
      {
        id: 5,
        project_id: 1,
        project: 'Festival 2027',
        title: 'Exploitation Cour',
        place: 'Cour',
        timezone: 'Europe/Paris',
        starts_at: '2027-07-11T17:00:00Z',
        ends_at: '2027-07-11T23:00:00Z',
        status: 'PUBLISHED',
        quota: 9,
        accepted: 6,
        pending: 2,
        open: 3,
      },
    ],
  },
  pending_invitations: { total: 2, items: [assignment(1), assignment(2, { invited_at: '2027-07-10T07:00:00Z' })] },
  recent_declines: {
    total: 1,
    items: [assignment(3, { status: 'DECLINED', answered_at: '2027-07-10T08:00:00Z', decline_reason: 'deja pris' })],
  },
  failed_deliveries: {
    total: 1,
    items: [{ invitation_id: 90, assignment: assignment(4), status: 'no_channel', channel: null, updated_at: NOW }],
  },
  conflicts: { from: '2027-07-10', to: '2027-08-09', total: 4 },
  this_week: { starts_on: '2027-07-05', planned_minutes: 600, accepted_minutes: 420 },
  last_week: { starts_on: '2027-06-28', planned_minutes: 450, accepted_minutes: 450 },
  ...extra,
});

function section(name: string): HTMLElement {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return screen.getByRole('region', { name: new RegExp(`^${escaped}`) });
}

describe('ManagerDashboard', () => {
  it('shows each block with its exact total and the link that resolves it', () => {
    renderWithProviders(<ManagerDashboard data={manager()} now={NOW} timeZone="Europe/Paris" />);
    const missing = section(fr.dashboard_missing_title);
    expect(within(missing).getByTestId('section-count')).toHaveTextContent('23');
    expect(within(missing).getByRole('link', { name: 'Exploitation Cour' })).toHaveAttribute('href', '/missions/5');
    expect(within(missing).getByText('3 places ouvertes')).toBeInTheDocument();
    expect(within(missing).getByText(fr.dashboard_fill.replace('{accepted}', '6').replace('{quota}', '9'))).toBeInTheDocument();
    expect(within(missing).getByRole('link', { name: 'Ouvrir Exploitation Cour dans le planning' })).toHaveAttribute(
      'href',
      '/planning?date=2027-07-11&mission=5',
    );
    expect(within(missing).getByText('et 22 autres')).toBeInTheDocument();

    const conflicts = section(fr.dashboard_conflicts_title);
    expect(within(conflicts).getByRole('link', { name: fr.dashboard_open_conflicts })).toHaveAttribute('href', '/conflicts');
    expect(within(conflicts).getByTestId('section-count')).toHaveTextContent('4');
  });

  it('lists waiting invitations oldest first with their age', () => {
    renderWithProviders(<ManagerDashboard data={manager()} now={NOW} timeZone="Europe/Paris" />);
    const items = within(section(fr.dashboard_pending_title)).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Mission 1');
    expect(items[0]).toHaveTextContent('depuis 3 jours');
    expect(items[1]).toHaveTextContent('depuis 3 heures');
    expect(within(items[0]!).getByRole('link', { name: 'Mission 1' })).toHaveAttribute('href', '/missions/41');
  });

  it('shows declines with their reason and undelivered links with their state', () => {
    renderWithProviders(<ManagerDashboard data={manager()} now={NOW} timeZone="Europe/Paris" />);
    expect(within(section(fr.dashboard_declines_title)).getByText('deja pris')).toBeInTheDocument();
    expect(within(section(fr.dashboard_failed_title)).getByText(fr.dashboard_delivery_no_channel)).toBeInTheDocument();
  });

  it('compares this week with the last', () => {
    renderWithProviders(<ManagerDashboard data={manager()} now={NOW} timeZone="Europe/Paris" />);
    const hours = section(fr.dashboard_hours_title);
    expect(within(hours).getByTestId('hours-this-week')).toHaveTextContent('10 h');
    expect(within(hours).getByTestId('hours-last-week')).toHaveTextContent('7 h 30');
    expect(within(hours).getByText('2 h 30 de plus')).toBeInTheDocument();
  });

  it('says when nothing needs the manager', () => {
    const empty = { total: 0, items: [] };
    renderWithProviders(
      <ManagerDashboard
        data={manager({ missing_people: empty, pending_invitations: empty, recent_declines: empty, failed_deliveries: empty })}
        now={NOW}
        timeZone="Europe/Paris"
      />,
    );
    expect(screen.getByText(fr.dashboard_missing_none)).toBeInTheDocument();
    expect(screen.getByText(fr.dashboard_pending_none)).toBeInTheDocument();
    expect(screen.getByText(fr.dashboard_declines_none)).toBeInTheDocument();
    expect(screen.getByText(fr.dashboard_failed_none)).toBeInTheDocument();
  });
});

describe('TechDashboard', () => {
  const mine: Dashboard['mine'] = {
    next_missions: { total: 1, items: [assignment(8, { status: 'ACCEPTED', mission: 'Montage' })] },
    pending_answers: { total: 1, items: [assignment(9, { mission: 'Concert' })] },
  };

  it('accepts an invitation from the dashboard', async () => {
    const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      expect(String(input)).toBe('/api/v1/assignments/9/accept');
      expect(init?.method).toBe('POST');
      return jsonResponse({ id: 9, status: 'ACCEPTED' });
    });
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<TechDashboard mine={mine} onDecline={() => undefined} />);
    await userEvent.click(screen.getByRole('button', { name: 'Accepter Concert' }));
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('hands a decline to the caller (which asks for a reason)', async () => {
    const onDecline = vi.fn();
    renderWithProviders(<TechDashboard mine={mine} onDecline={onDecline} />);
    await userEvent.click(screen.getByRole('button', { name: 'Refuser Concert' }));
    expect(onDecline).toHaveBeenCalledWith(expect.objectContaining({ id: 9 }));
    const next = section(fr.dashboard_next_title);
    expect(within(next).getByText('Montage')).toBeInTheDocument();
    expect(within(next).getByRole('link', { name: fr.dashboard_open_my_missions })).toHaveAttribute('href', '/my-missions');
  });
});

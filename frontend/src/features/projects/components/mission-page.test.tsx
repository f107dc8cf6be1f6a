import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { Mission } from '@/features/projects/api/get-mission';
import { MissionAssignmentsPanel } from '@/features/projects/components/mission-assignments-panel';
import { MissionDuplicateForm } from '@/features/projects/components/mission-duplicate-form';
import { MissionForm } from '@/features/projects/components/mission-form';
import { MissionRolesEditor } from '@/features/projects/components/mission-roles-editor';
import fr from '@/locales/fr.json';
import { jsonResponse, pageResponse, renderWithProviders } from '@/testing/render';

afterEach(() => vi.unstubAllGlobals());

const mission: Mission = {
  id: 7,
  project_id: 1,
  title: 'Exploitation Cour',
  place_id: null,
  place: '',
  timezone: 'Europe/Paris',
  notes: '',
  starts_at: '2027-07-10T17:00:00Z',
  ends_at: '2027-07-10T23:00:00Z',
  local_starts_at: '2027-07-10T19:00:00+02:00',
  local_ends_at: '2027-07-11T01:00:00+02:00',
  duration_minutes: 360,
  allow_long: false,
  status: 'DRAFT',
  roles: [{ id: 70, name: 'son', quota: 2, required_skills: ['son'], pending: 1, accepted: 1, declined: 0, open: 1, reserves: 0 }],
  created_at: '2027-06-01T10:00:00Z',
  updated_at: '2027-06-01T10:00:00Z',
};

interface Call {
  url: string;
  method: string;
  body: unknown;
}

function stub(answer: (call: Call) => Response = () => jsonResponse(mission)) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const call = { url: String(input), method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : undefined };
      calls.push(call);
      return answer(call);
    }),
  );
  return calls;
}

const noPlace = () => <select aria-label={fr.projects_field_place} />;

describe('MissionForm', () => {
  it('reads a night mission on its clock and sends only what changed', async () => {
    const calls = stub();
    const onSaved = vi.fn();
    renderWithProviders(<MissionForm mission={mission} canEdit placePicker={noPlace} onSaved={onSaved} />);
    expect(screen.getByLabelText(fr.mission_field_date)).toHaveValue('2027-07-10');
    expect(screen.getByLabelText(fr.mission_field_start)).toHaveValue('19:00');
    expect(screen.getByLabelText(fr.mission_field_end)).toHaveValue('01:00');
    expect(screen.getByLabelText(fr.mission_field_ends_next_day)).toBeChecked();
    await userEvent.clear(screen.getByLabelText(fr.mission_field_start));
    await userEvent.type(screen.getByLabelText(fr.mission_field_start), '20:00');
    await userEvent.type(screen.getByLabelText(fr.mission_field_notes), 'Balances');
    await userEvent.click(screen.getByRole('button', { name: fr.mission_form_save }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(calls.filter((c) => c.method === 'PATCH')).toEqual([
      { url: '/api/v1/missions/7', method: 'PATCH', body: { notes: 'Balances', starts_at: '2027-07-10T18:00:00Z' } },
    ]);
  });

  it('refuses an end before the start without the next-day box, before any call', async () => {
    const calls = stub();
    renderWithProviders(<MissionForm mission={mission} canEdit placePicker={noPlace} onSaved={() => undefined} />);
    await userEvent.click(screen.getByLabelText(fr.mission_field_ends_next_day));
    await userEvent.click(screen.getByRole('button', { name: fr.mission_form_save }));
    expect(screen.getByText(fr.mission_form_ends_before_start)).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'PATCH')).toEqual([]);
  });
});

describe('MissionRolesEditor', () => {
  it('changes a quota and adds a role, one call each', async () => {
    const calls = stub((call) => (call.url.includes('/users') ? pageResponse([]) : jsonResponse(mission)));
    renderWithProviders(<MissionRolesEditor mission={mission} canEdit />);
    const quota = screen.getByLabelText(fr.mission_role_quota.replace('{role}', 'son'));
    await userEvent.clear(quota);
    await userEvent.type(quota, '3');
    await userEvent.click(screen.getByRole('button', { name: fr.mission_role_save.replace('{role}', 'son') }));
    await screen.findByText(fr.mission_role_saved.replace('{role}', 'son'));
    await userEvent.type(screen.getByLabelText(fr.mission_new_role_name), 'lumiere');
    await userEvent.click(screen.getByRole('button', { name: fr.projects_add_role }));
    await screen.findByText(fr.mission_role_added.replace('{role}', 'lumiere'));
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([
      { url: '/api/v1/missions/7/roles/70', method: 'PATCH', body: { name: 'son', quota: 3, required_skills: ['son'] } },
      { url: '/api/v1/missions/7/roles', method: 'POST', body: { name: 'lumiere', quota: 1, required_skills: [] } },
    ]);
  });
});

describe('MissionAssignmentsPanel', () => {
  const assignment = {
    id: 3,
    mission_id: 7,
    mission_role_id: 70,
    role_name: 'son',
    user_id: 5,
    status: 'INVITED',
    reserve: false,
    starts_at: mission.starts_at,
    ends_at: mission.ends_at,
    duration_minutes: 360,
    decline_reason: null,
    answered_at: null,
    created_at: '2027-06-01T10:00:00Z',
    updated_at: '2027-06-01T10:00:00Z',
    invitation: {
      id: 30,
      assignment_id: 3,
      user_id: 5,
      answer: null,
      answered_at: null,
      expires_at: '2027-07-10T17:00:00Z',
      revoked_at: null,
      delivery: { status: 'failed', channel: 'email', error: 'refused', attempts: 3, updated_at: '2027-06-01T10:00:00Z' },
    },
  };

  it('shows status and delivery, resends a link and cancels', async () => {
    const calls = stub((call) => (call.method === 'GET' ? pageResponse([assignment]) : jsonResponse(assignment)));
    renderWithProviders(<MissionAssignmentsPanel mission={mission} users={[{ id: 5, name: 'Ines Roy' }]} canManage />);
    expect(await screen.findByRole('rowheader', { name: 'Ines Roy' })).toBeInTheDocument();
    expect(screen.getByText(fr.planning_delivery_failed)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: fr.mission_resend_of.replace('{name}', 'Ines Roy') }));
    await screen.findByText(fr.mission_resent.replace('{name}', 'Ines Roy'));
    await userEvent.click(screen.getByRole('button', { name: fr.mission_cancel_of.replace('{name}', 'Ines Roy') }));
    await screen.findByText(fr.mission_cancelled.replace('{name}', 'Ines Roy'));
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual([
      '/api/v1/invitations/30/resend',
      '/api/v1/assignments/3/cancel',
    ]);
  });
});

describe('MissionDuplicateForm', () => {
  it('copies the mission over a range picked with date pickers', async () => {
    const calls = stub(() => jsonResponse({ created: 3, items: [] }, 201));
    renderWithProviders(<MissionDuplicateForm missionId={7} />);
    const from = screen.getByLabelText(fr.projects_duplicate_from);
    expect(from).toHaveAttribute('type', 'date');
    const button = screen.getByRole('button', { name: fr.projects_action_duplicate });
    // Without a first day: the field says so and nothing is sent.
    await userEvent.click(button);
    expect(await screen.findByText(fr.form_required)).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
    // A last day before the first one is refused too.
    await userEvent.type(from, '2027-07-20');
    await userEvent.type(screen.getByLabelText(fr.projects_duplicate_to), '2027-07-19');
    await userEvent.click(button);
    expect(await screen.findByText(fr.form_invalid)).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
    await userEvent.clear(screen.getByLabelText(fr.projects_duplicate_to));
    await userEvent.type(screen.getByLabelText(fr.projects_duplicate_to), '2027-07-22');
    await userEvent.click(button);
    await screen.findByText(fr.projects_done_duplicated_other.replace('{count}', '3'));
    expect(calls.filter((c) => c.method === 'POST')).toEqual([
      { url: '/api/v1/missions/7/duplicate', method: 'POST', body: { from: '2027-07-20', to: '2027-07-22', publish: false, fold: 0 } },
    ]);
  });
});

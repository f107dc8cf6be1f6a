import { describe, expect, it } from 'vitest';

import type { Planning } from '@/features/planning/api/get-planning';
import { applyAssignmentEvent, minutesInside, type AssignmentEventKind } from '@/features/planning/utils/live-events';

const planning: Planning = {
  from: '2027-07-05T00:00:00+02:00',
  to: '2027-07-12T00:00:00+02:00',
  timezone: 'Europe/Paris',
  projects: { '1': { name: 'Festival 2027' } },
  places: { '1': { name: 'Cour', timezone: 'Europe/Paris' } },
  missions: [
    {
      id: 3,
      project_id: 1,
      title: 'Exploitation',
      place_id: 1,
      starts_at: '2027-07-05T17:00:00Z',
      ends_at: '2027-07-05T23:00:00Z',
      duration_minutes: 360,
      status: 'PUBLISHED',
      roles: [{ id: 30, name: 'son', quota: 1, required_skills: [], pending: 1, accepted: 0, declined: 0, open: 1, reserves: 0 }],
    },
  ],
  users: [{ id: 2, first_name: 'Lea', last_name: 'Martin', employment_type: 'CDD', planned_minutes: 360, accepted_minutes: 0 }],
  assignments: [
    {
      id: 7,
      mission_id: 3,
      mission_role_id: 30,
      user_id: 2,
      status: 'INVITED',
      decline_reason: null,
      delivery_status: 'no_channel',
      reserve: false,
    },
  ],
};

const event = { assignment_id: 7, mission_id: 3, mission_role_id: 30, user_id: 2 };

describe('applyAssignmentEvent', () => {
  it.each<[AssignmentEventKind, string]>([
    ['AssignmentAccepted', 'ACCEPTED'],
    ['AssignmentDeclined', 'DECLINED'],
    ['AssignmentCancelled', 'CANCELLED'],
  ])('%s sets the status %s', (kind, status) => {
    const next = applyAssignmentEvent(planning, kind, event);
    expect(next?.assignments[0]?.status).toBe(status);
    expect(planning.assignments[0]?.status).toBe('INVITED');
  });

  it.each<[AssignmentEventKind, [number, number, number, number], [number, number]]>([
    // role: pending, accepted, declined, open; user: planned, accepted minutes
    ['AssignmentAccepted', [0, 1, 0, 0], [360, 360]],
    ['AssignmentDeclined', [0, 0, 1, 1], [0, 0]],
    ['AssignmentCancelled', [0, 0, 0, 1], [0, 0]],
  ])('%s moves the role counts and the minutes of the person as the API counts them', (kind, counts, minutes) => {
    const next = applyAssignmentEvent(planning, kind, event);
    const role = next?.missions[0]?.roles[0];
    expect([role?.pending, role?.accepted, role?.declined, role?.open]).toEqual(counts);
    const user = next?.users[0];
    expect([user?.planned_minutes, user?.accepted_minutes]).toEqual(minutes);
    expect(planning.missions[0]?.roles[0]?.pending).toBe(1);
  });

  it('counts only the part of an assignment inside the window', () => {
    const window = { from: '2027-07-31T22:00:00Z', to: '2027-08-31T22:00:00Z' };
    expect(minutesInside(window, '2027-07-31T20:00:00Z', '2027-08-01T01:00:00Z')).toBe(180);
    expect(minutesInside(window, '2027-08-02T06:00:00Z', '2027-08-02T11:00:00Z')).toBe(300);
    expect(minutesInside(window, '2027-07-30T06:00:00Z', '2027-07-30T11:00:00Z')).toBe(0);
  });

  it('drops the delivery state once the invitation is answered', () => {
    expect(applyAssignmentEvent(planning, 'AssignmentAccepted', event)?.assignments[0]?.delivery_status).toBeNull();
  });

  it('keeps the decline reason', () => {
    const next = applyAssignmentEvent(planning, 'AssignmentDeclined', { ...event, reason: 'deja pris' });
    expect(next?.assignments[0]?.decline_reason).toBe('deja pris');
  });

  it('keeps an accepting reserve on the list, and a promotion gives it the place', () => {
    const reserve: Planning = {
      ...planning,
      missions: planning.missions.map((m) => ({ ...m, roles: m.roles.map((r) => ({ ...r, pending: 0, reserves: 1 })) })),
      users: planning.users.map((u) => ({ ...u, planned_minutes: 0 })),
      assignments: planning.assignments.map((a) => ({ ...a, reserve: true, reserve_position: null })),
    };
    const counts = (p: Planning | undefined) => {
      const role = p?.missions[0]?.roles[0];
      const user = p?.users[0];
      return [role?.pending, role?.accepted, role?.open, role?.reserves, user?.planned_minutes, user?.accepted_minutes];
    };
    const accepted = applyAssignmentEvent(reserve, 'AssignmentAccepted', { ...event, reserve: true });
    expect(accepted?.assignments[0]).toMatchObject({ status: 'ACCEPTED', reserve: true });
    expect(counts(accepted)).toEqual([0, 0, 1, 1, 0, 0]);
    const promoted = applyAssignmentEvent(
      { ...accepted!, assignments: accepted!.assignments.map((a) => ({ ...a, reserve_position: 1 })) },
      'AssignmentPromoted',
      event,
    );
    expect(promoted?.assignments[0]).toMatchObject({ status: 'ACCEPTED', reserve: false, reserve_position: null });
    expect(counts(promoted)).toEqual([0, 1, 0, 0, 360, 360]);
    // Promoting what already holds a place changes nothing.
    expect(applyAssignmentEvent(promoted, 'AssignmentPromoted', event)).toBe(promoted);
  });

  it('returns the same object when nothing changes', () => {
    expect(applyAssignmentEvent(planning, 'AssignmentInvited', event)).toBe(planning);
    expect(applyAssignmentEvent(planning, 'AssignmentAccepted', { ...event, assignment_id: 99 })).toBe(planning);
    expect(applyAssignmentEvent(undefined, 'AssignmentAccepted', event)).toBeUndefined();
  });
});

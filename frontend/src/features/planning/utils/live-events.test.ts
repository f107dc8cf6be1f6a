import { describe, expect, it } from 'vitest';

import type { Planning } from '@/features/planning/api/get-planning';
import { applyAssignmentEvent, type AssignmentEventKind } from '@/features/planning/utils/live-events';

const planning: Planning = {
  from: '2027-07-05T00:00:00+02:00',
  to: '2027-07-12T00:00:00+02:00',
  timezone: 'Europe/Paris',
  missions: [],
  users: [],
  assignments: [
    {
      id: 7,
      mission_id: 3,
      mission_role_id: 30,
      user_id: 2,
      status: 'INVITED',
      starts_at: '2027-07-05T17:00:00Z',
      ends_at: '2027-07-05T23:00:00Z',
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

  it('drops the delivery state once the invitation is answered', () => {
    expect(applyAssignmentEvent(planning, 'AssignmentAccepted', event)?.assignments[0]?.delivery_status).toBeNull();
  });

  it('keeps the decline reason', () => {
    const next = applyAssignmentEvent(planning, 'AssignmentDeclined', { ...event, reason: 'deja pris' });
    expect(next?.assignments[0]?.decline_reason).toBe('deja pris');
  });

  it('keeps an accepting reserve on the list, and a promotion takes it off', () => {
    const reserve: Planning = {
      ...planning,
      assignments: planning.assignments.map((a) => ({ ...a, reserve: true, reserve_position: null })),
    };
    const accepted = applyAssignmentEvent(reserve, 'AssignmentAccepted', { ...event, reserve: true });
    expect(accepted?.assignments[0]).toMatchObject({ status: 'ACCEPTED', reserve: true });
    const promoted = applyAssignmentEvent(
      { ...reserve, assignments: reserve.assignments.map((a) => ({ ...a, status: 'ACCEPTED', reserve_position: 1 })) },
      'AssignmentPromoted',
      event,
    );
    expect(promoted?.assignments[0]).toMatchObject({ status: 'ACCEPTED', reserve: false, reserve_position: null });
    // Promoting what already holds a place changes nothing.
    expect(applyAssignmentEvent(promoted, 'AssignmentPromoted', event)).toBe(promoted);
  });

  it('returns the same object when nothing changes', () => {
    expect(applyAssignmentEvent(planning, 'AssignmentInvited', event)).toBe(planning);
    expect(applyAssignmentEvent(planning, 'AssignmentAccepted', { ...event, assignment_id: 99 })).toBe(planning);
    expect(applyAssignmentEvent(undefined, 'AssignmentAccepted', event)).toBeUndefined();
  });
});

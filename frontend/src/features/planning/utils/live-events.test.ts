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

  it('returns the same object when nothing changes', () => {
    expect(applyAssignmentEvent(planning, 'AssignmentInvited', event)).toBe(planning);
    expect(applyAssignmentEvent(planning, 'AssignmentAccepted', { ...event, assignment_id: 99 })).toBe(planning);
    expect(applyAssignmentEvent(undefined, 'AssignmentAccepted', event)).toBeUndefined();
  });
});

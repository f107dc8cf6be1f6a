import { describe, expect, it } from 'vitest';

import { answerableAssignmentId, invitationAssignmentId } from './answerable';

describe('answerable notifications', () => {
  it.each([
    [{ kind: 'invitation', data: { assignment_id: 7, invitation_id: 3 } }, 7],
    [{ kind: 'reminder_expiry', data: { assignment_id: 8 } }, 8],
    [{ kind: 'answer_received', data: { assignment_id: 9, answer: 'accepted' } }, null],
    [{ kind: 'assignment_cancelled', data: { assignment_id: 9 } }, null],
    [{ kind: 'invitation', data: {} }, null],
    [{ kind: 'invitation', data: { assignment_id: '7' } }, null],
  ])('%j invites to assignment %s', (notification, expected) => {
    expect(invitationAssignmentId(notification)).toBe(expected);
  });

  it('offers an answer only while the assignment waits for one', () => {
    const notification = { kind: 'invitation', data: { assignment_id: 7 } };
    expect(answerableAssignmentId(notification, new Set([7, 8]))).toBe(7);
    expect(answerableAssignmentId(notification, new Set([8]))).toBeNull();
  });
});

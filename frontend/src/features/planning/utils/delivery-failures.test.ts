import { describe, expect, it } from 'vitest';

import { addNotice, MAX_NOTICES, parseDeliveryFailure } from '@/features/planning/utils/delivery-failures';

const data = {
  org_id: 1,
  invitation_id: 40,
  assignment_id: 7,
  mission_id: 3,
  user_id: 2,
  delivery_status: 'no_channel',
  channel: null,
  error: 'no email address',
  inviter_account_id: 11,
};

describe('InvitationDeliveryFailed', () => {
  it('reads the event data', () => {
    expect(parseDeliveryFailure(data)).toEqual({
      invitation_id: 40,
      assignment_id: 7,
      mission_id: 3,
      user_id: 2,
      delivery_status: 'no_channel',
      channel: null,
      error: 'no email address',
      inviter_account_id: 11,
    });
  });

  it.each([null, 'x', {}, { ...data, mission_id: '3' }, { ...data, delivery_status: 'lost' }])(
    'ignores data that is not such an event: %j',
    (bad) => {
      expect(parseDeliveryFailure(bad)).toBeNull();
    },
  );

  it("keeps a notice only for the current account's invitations, once each, newest first", () => {
    const mine = parseDeliveryFailure(data);
    const other = parseDeliveryFailure({ ...data, invitation_id: 41, inviter_account_id: 12 });
    const later = parseDeliveryFailure({ ...data, invitation_id: 42 });
    let notices = addNotice([], mine, 11);
    notices = addNotice(notices, other, 11);
    notices = addNotice(notices, mine, 11);
    notices = addNotice(notices, later, 11);
    notices = addNotice(notices, null, 11);
    expect(notices.map((n) => n.invitation_id)).toEqual([42, 40]);
  });

  it(`shows at most ${MAX_NOTICES} notices`, () => {
    let notices = addNotice([], parseDeliveryFailure(data), 11);
    for (let i = 1; i <= MAX_NOTICES + 2; i += 1) {
      notices = addNotice(notices, parseDeliveryFailure({ ...data, invitation_id: 100 + i }), 11);
    }
    expect(notices).toHaveLength(MAX_NOTICES);
    expect(notices[0]?.invitation_id).toBe(100 + MAX_NOTICES + 2);
  });
});

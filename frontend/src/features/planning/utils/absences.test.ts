import { describe, expect, it } from 'vitest';

import { absenceEvents } from '@/features/planning/utils/absences';

describe('absenceEvents', () => {
  it('puts each occurrence as a greyed background block on its person row, on the org clock', () => {
    const events = absenceEvents(
      [
        { window_id: 3, user_id: 7, starts_at: '2027-07-09T22:00:00Z', ends_at: '2027-07-11T22:00:00Z' },
        { window_id: 4, user_id: 8, starts_at: '2027-01-10T08:00:00Z', ends_at: '2027-01-10T12:00:00Z' },
      ],
      'Europe/Paris',
      'Absent',
    );
    expect(events).toEqual([
      expect.objectContaining({
        id: 'absence:3:2027-07-09T22:00:00Z',
        resourceId: 'user:7',
        start: '2027-07-10T00:00:00',
        end: '2027-07-12T00:00:00',
        display: 'background',
        classNames: ['planning-absence'],
        title: 'Absent',
      }),
      expect.objectContaining({ resourceId: 'user:8', start: '2027-01-10T09:00:00', end: '2027-01-10T13:00:00' }),
    ]);
  });

  it('gives nothing without absences', () => {
    expect(absenceEvents([], 'Europe/Paris', 'Absent')).toEqual([]);
  });
});

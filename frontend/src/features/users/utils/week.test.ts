import { describe, expect, it } from 'vitest';

import { groupByDay, mondayOf, weekDates } from '@/features/users/utils/week';

describe('week helpers', () => {
  it.each([
    ['2027-07-12', '2027-07-12'], // Monday
    ['2027-07-18', '2027-07-12'], // Sunday
    ['2027-07-14', '2027-07-12'],
    ['2027-01-01', '2026-12-28'], // across a year
  ])('mondayOf(%s) is %s', (date, monday) => {
    expect(mondayOf(date)).toBe(monday);
  });

  it('lists the seven days of a week', () => {
    expect(weekDates('2027-07-26')).toEqual([
      '2027-07-26', '2027-07-27', '2027-07-28', '2027-07-29', '2027-07-30', '2027-07-31', '2027-08-01',
    ]);
  });

  it('groups items by day and ignores those outside the week', () => {
    const byDay = groupByDay(
      [
        { id: 1, starts_at: '2027-07-12T20:00:00Z', day: '2027-07-12' },
        { id: 2, starts_at: '2027-07-12T08:00:00Z', day: '2027-07-12' },
        { id: 3, starts_at: '2027-07-30T08:00:00Z', day: '2027-07-30' },
      ],
      ['2027-07-12', '2027-07-13'],
      (item) => item.day,
    );
    expect(byDay.get('2027-07-12')?.map((i) => i.id)).toEqual([2, 1]);
    expect(byDay.get('2027-07-13')).toEqual([]);
    expect(byDay.has('2027-07-30')).toBe(false);
  });
});

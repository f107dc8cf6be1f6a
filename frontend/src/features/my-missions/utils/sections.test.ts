import { describe, expect, it } from 'vitest';

import { hourTotals, mondayOf, splitSections, type SectionItem } from '@/features/my-missions/utils/sections';

const item = (id: string, status: string, startsAt: string, hours: number, extra: Partial<SectionItem> = {}) => ({
  id,
  status,
  starts_at: startsAt,
  ends_at: new Date(Date.parse(startsAt) + hours * 3_600_000).toISOString(),
  duration_minutes: hours * 60,
  ...extra,
});

// Wednesday 15 July 2027, 12:00 in Paris.
const NOW = Date.parse('2027-07-15T10:00:00Z');

describe('splitSections', () => {
  it('puts open invitations first, then what is coming, then what is over, then the closed ones', () => {
    const sections = splitSections(
      [
        item('accepted-later', 'ACCEPTED', '2027-07-20T17:00:00Z', 4),
        item('invited-later', 'INVITED', '2027-07-22T17:00:00Z', 4),
        item('invited-soon', 'INVITED', '2027-07-16T17:00:00Z', 4),
        item('accepted-soon', 'ACCEPTED', '2027-07-16T06:00:00Z', 5),
        item('running', 'ACCEPTED', '2027-07-15T08:00:00Z', 4),
        item('worked-old', 'ACCEPTED', '2027-07-01T17:00:00Z', 4),
        item('worked-recent', 'ACCEPTED', '2027-07-14T17:00:00Z', 4),
        item('never-answered', 'INVITED', '2027-07-10T17:00:00Z', 4),
        item('declined', 'DECLINED', '2027-07-18T17:00:00Z', 4),
        item('cancelled', 'CANCELLED', '2027-07-19T17:00:00Z', 4),
        item('unknown', 'SOMETHING', '2027-07-19T17:00:00Z', 4),
      ],
      NOW,
    );
    const ids = (list: { id: string }[]) => list.map((i) => i.id);
    expect(ids(sections.pending)).toEqual(['invited-soon', 'invited-later']);
    // A mission under way is not over: it stays with what is coming.
    expect(ids(sections.upcoming)).toEqual(['running', 'accepted-soon', 'accepted-later']);
    expect(ids(sections.past)).toEqual(['worked-recent', 'never-answered', 'worked-old']);
    expect(ids(sections.closed)).toEqual(['cancelled', 'declined']);
  });
});

describe('mondayOf', () => {
  it.each([
    ['2027-07-15', '2027-07-12'],
    ['2027-07-12', '2027-07-12'],
    ['2027-07-18', '2027-07-12'],
    ['2027-08-01', '2027-07-26'],
  ])('%s -> %s', (day, monday) => {
    expect(mondayOf(day)).toBe(monday);
  });
});

describe('hourTotals', () => {
  it('sums accepted places of this week and this month, on the day the mission starts in the zone', () => {
    const totals = hourTotals(
      [
        item('monday', 'ACCEPTED', '2027-07-12T06:00:00Z', 5),
        // Sunday 18 July 23:30 in Paris (21:30 UTC): still this week.
        item('sunday-night', 'ACCEPTED', '2027-07-18T21:30:00Z', 3),
        // Monday 19 July 00:30 in Paris (18 July 22:30 UTC): next week.
        item('next-week', 'ACCEPTED', '2027-07-18T22:30:00Z', 2),
        item('early-month', 'ACCEPTED', '2027-07-01T06:00:00Z', 7),
        item('last-month', 'ACCEPTED', '2027-06-30T06:00:00Z', 8),
        item('invited', 'INVITED', '2027-07-13T06:00:00Z', 10),
        item('declined', 'DECLINED', '2027-07-13T06:00:00Z', 10),
        item('reserve', 'ACCEPTED', '2027-07-13T06:00:00Z', 10, { reserve: true }),
      ],
      NOW,
      'Europe/Paris',
    );
    expect(totals).toEqual({ weekMinutes: (5 + 3) * 60, monthMinutes: (5 + 3 + 2 + 7) * 60 });
  });
});

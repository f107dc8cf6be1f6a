import { describe, expect, it } from 'vitest';

import {
  agendaGroups,
  calendarViewName,
  fillLabel,
  fillState,
  NO_PLACE_ROW,
  openPlacesByDay,
  placeRowId,
  reopenDay,
  timelineRows,
  type RoleCounts,
} from '@/features/planning/utils/timeline';

const role = (over: Partial<RoleCounts>): RoleCounts => ({
  id: 1,
  name: 'Son',
  quota: 2,
  accepted: 0,
  pending: 0,
  declined: 0,
  open: 2,
  ...over,
});

describe('fill state', () => {
  it.each([
    ['nobody asked', [role({})], 'missing'],
    ['answers awaited', [role({ pending: 1 })], 'pending'],
    ['a decline leaves a hole', [role({ pending: 1, declined: 1, accepted: 1, open: 1 })], 'declined'],
    ['full despite a decline', [role({ declined: 1, accepted: 2, open: 0 })], 'complete'],
    ['every role full', [role({ accepted: 2, open: 0 }), role({ id: 2, quota: 1, accepted: 1, open: 0 })], 'complete'],
    ['one role of two short', [role({ accepted: 2, open: 0 }), role({ id: 2, quota: 1, open: 1 })], 'missing'],
    ['no role at all', [], 'missing'],
  ] as const)('%s', (_name, roles, expected) => {
    expect(fillState([...roles])).toBe(expected);
  });

  it('counts accepted places over quota, never past it', () => {
    expect(fillLabel([role({ quota: 9, accepted: 6, open: 3 })])).toBe('6/9');
    expect(fillLabel([role({ quota: 1, accepted: 3, open: 0 })])).toBe('1/1');
    expect(fillLabel([])).toBeUndefined();
  });
});

describe('timeline rows', () => {
  const input = {
    missions: [
      { place_id: 2, roles: [{ name: 'Son' }, { name: 'Lumiere' }] },
      { place_id: null, roles: [{ name: 'son ' }] },
    ],
    places: { 2: { name: 'Cour' }, 3: { name: 'Chapiteau' } },
    userNames: new Map([
      [1, 'Zoe Petit'],
      [2, 'Ali Bern'],
      [3, 'Marc Noir'],
    ]),
    users: [{ id: 1, planned_minutes: 300, accepted_minutes: 120 }],
    noPlaceTitle: 'Sans lieu',
  };

  it('by place: every place by name, then the missions without one', () => {
    expect(timelineRows('place', input).map((r) => r.title)).toEqual(['Chapiteau', 'Cour', 'Sans lieu']);
    expect(placeRowId(null)).toBe(NO_PLACE_ROW);
    expect(timelineRows('place', { ...input, missions: [input.missions[0]!] }).map((r) => r.id)).toEqual([
      'place:3',
      'place:2',
    ]);
  });

  it('by person: people with hours first, with their totals', () => {
    const rows = timelineRows('user', input);
    expect(rows.map((r) => r.title)).toEqual(['Zoe Petit', 'Ali Bern', 'Marc Noir']);
    expect(rows[0]).toMatchObject({ id: 'user:1', plannedMinutes: 300, acceptedMinutes: 120 });
    expect(rows[1]).toMatchObject({ plannedMinutes: 0 });
  });

  it('by role: one row per role name, whatever its case', () => {
    expect(timelineRows('role', input).map((r) => r.id)).toEqual(['role:lumiere', 'role:son']);
  });
});

describe('views and days', () => {
  it('names the FullCalendar view of each zoom', () => {
    expect(calendarViewName('timeline', 'days3')).toBe('crewDays3');
    expect(calendarViewName('timeline', 'month')).toBe('crewMonth');
    expect(calendarViewName('dayGridMonth', 'day')).toBe('dayGridMonth');
  });

  it('sums open places per day in the org timezone', () => {
    const open = openPlacesByDay(
      [
        // 21:30 UTC is 23:30 on 4 July in Paris.
        { starts_at: '2027-07-04T21:30:00Z', roles: [{ open: 2 }] },
        // 22:30 UTC is 00:30 on 5 July in Paris.
        { starts_at: '2027-07-04T22:30:00Z', roles: [{ open: 1 }, { open: 3 }] },
        { starts_at: '2027-07-05T06:00:00Z', roles: [{ open: 0 }] },
      ],
      'Europe/Paris',
    );
    expect(Object.fromEntries(open)).toEqual({ '2027-07-04': 2, '2027-07-05': 4 });
  });

  it('groups a day of missions by start time', () => {
    const missions = [
      { id: 1, starts_at: '2027-07-05T17:00:00Z', title: 'Exploitation Cour' },
      { id: 2, starts_at: '2027-07-05T06:00:00Z', title: 'Montage' },
      { id: 3, starts_at: '2027-07-05T17:00:00.000Z', title: 'Exploitation Cloitre' },
      { id: 4, starts_at: '2027-07-06T06:00:00Z', title: 'Montage' },
    ];
    const groups = agendaGroups(missions, '2027-07-05', 'Europe/Paris');
    expect(groups.map((g) => g.missions.map((m) => m.id))).toEqual([[2], [3, 1]]);
  });
});

describe('reopenDay', () => {
  it("opens on the selected mission's day, in the org timezone", () => {
    // 23:30 UTC on the 6th is already the 7th in Paris.
    expect(reopenDay('2027-07-06T23:30:00Z', '2027-07-05', '2027-07-05', 'Europe/Paris')).toBe('2027-07-07');
    expect(reopenDay('2027-07-06T23:30:00Z', '2027-07-05', null, 'UTC')).toBe('2027-07-06');
  });
  it("else on the calendar's current day, else on the linked day, else nothing", () => {
    expect(reopenDay(null, '2027-07-08', '2027-07-09', 'Europe/Paris')).toBe('2027-07-08');
    expect(reopenDay(undefined, null, '2027-07-09', 'Europe/Paris')).toBe('2027-07-09');
    expect(reopenDay(null, null, null, 'Europe/Paris')).toBeNull();
  });
});

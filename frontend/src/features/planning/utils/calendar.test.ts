import { describe, expect, it } from 'vitest';

import {
  facets,
  filterByRole,
  fromCalendarTime,
  layoutOverlaps,
  overlappingIds,
  placeClock,
  snapInstant,
  snapMinutes,
  statusTone,
  toCalendarTime,
  visibleWindow,
  type MissionLike,
} from '@/features/planning/utils/calendar';

const mission = (id: number, quota = 2, roles = ['Technicien son']): MissionLike => ({
  id,
  project_id: 1,
  project_name: 'Festival 2027',
  title: `Mission ${id}`,
  place: 'Cour',
  starts_at: '2027-07-01T17:00:00Z',
  ends_at: '2027-07-01T23:00:00Z',
  duration_minutes: 360,
  status: 'DRAFT',
  roles: roles.map((name, i) => ({ id: id * 10 + i, name, quota, pending: 0, accepted: 0 })),
});

describe('statusTone', () => {
  it.each([
    ['INVITED', 'info'],
    ['ACCEPTED', 'success'],
    ['DECLINED', 'danger'],
    ['CANCELLED', 'muted'],
    ['SOMETHING', 'neutral'],
  ])('%s is %s', (status, tone) => expect(statusTone(status)).toBe(tone));
});

describe('filters and facets', () => {
  const missions = [mission(1, 1, ['Machiniste']), mission(2, 1, ['Technicien son', 'Eclairagiste'])];
  it.each<[string | null, number[]]>([
    [null, [1, 2]],
    ['eclairagiste', [2]],
    ['Machiniste', [1]],
    ['Cuisinier', []],
  ])('role %s keeps %j', (role, ids) => {
    expect(filterByRole(missions, role).map((m) => m.id)).toEqual(ids);
  });

  it('lists roles and projects once, sorted', () => {
    expect(facets(missions)).toEqual({
      roles: ['Eclairagiste', 'Machiniste', 'Technicien son'],
      projects: [{ id: 1, name: 'Festival 2027' }],
    });
  });
});

describe('layoutOverlaps', () => {
  it.each<[string, [number, number][], [number, number][]]>([
    ['none', [], []],
    ['alone', [[0, 10]], [[0, 1]]],
    ['touching do not overlap', [[0, 10], [10, 20]], [[0, 1], [0, 1]]],
    ['two overlapping', [[0, 10], [5, 15]], [[0, 2], [1, 2]]],
    ['three, a column is reused', [[0, 10], [5, 15], [10, 20]], [[0, 2], [1, 2], [0, 2]]],
    ['two clusters', [[0, 10], [5, 15], [30, 40]], [[0, 2], [1, 2], [0, 1]]],
    ['nested', [[0, 100], [10, 20], [30, 40]], [[0, 2], [1, 2], [1, 2]]],
  ])('%s', (_, spans, expected) => {
    const placements = layoutOverlaps(spans.map(([start, end], id) => ({ id, start, end })));
    const byId = new Map(placements.map((p) => [p.id, [p.column, p.columns]]));
    expect(spans.map((_, id) => byId.get(id))).toEqual(expected);
  });
});

describe('overlappingIds', () => {
  it.each<[string, [number, number][], number[]]>([
    ['apart', [[0, 10], [10, 20]], []],
    ['overlap', [[0, 10], [9, 20]], [0, 1]],
    ['long one covers later ones', [[0, 100], [10, 20], [50, 60]], [0, 1, 2]],
  ])('%s', (_, spans, ids) => {
    const found = overlappingIds(spans.map(([start, end], id) => ({ id, start, end })));
    expect([...found].sort()).toEqual(ids);
  });
});

describe('snapping', () => {
  it.each([
    [7, 15, 0],
    [8, 15, 15],
    [52, 15, 45],
    [53, 15, 60],
    [44, 30, 30],
  ])('%i min with step %i is %i', (minutes, step, expected) => expect(snapMinutes(minutes, step)).toBe(expected));

  it.each([
    ['2027-07-01T17:07:00Z', 'Europe/Paris', '2027-07-01T17:00:00Z'],
    ['2027-07-01T21:52:00Z', 'Europe/Paris', '2027-07-01T21:45:00Z'],
    ['2027-07-01T21:56:00Z', 'Europe/Paris', '2027-07-01T22:00:00Z'],
    // 23:56 wall time snaps to midnight of the next day
    ['2027-07-01T21:56:00Z', 'Europe/Paris', '2027-07-01T22:00:00Z'],
    ['2027-07-01T12:10:00Z', 'Asia/Kolkata', '2027-07-01T12:15:00Z'],
  ])('%s in %s snaps to %s', (instant, zone, expected) => {
    expect(snapInstant(Date.parse(instant), zone)).toBe(expected);
  });
});

describe('window and calendar times', () => {
  it.each([
    // month view of July 2027: Monday 28 June to Monday 9 August (excluded)
    ['2027-06-28T00:00:00Z', '2027-08-09T00:00:00Z', '2027-06-28', '2027-08-08'],
    ['2027-07-05T00:00:00Z', '2027-07-12T00:00:00Z', '2027-07-05', '2027-07-11'],
    ['2027-07-05T00:00:00Z', '2027-07-06T00:00:00Z', '2027-07-05', '2027-07-05'],
  ])('[%s, %s) is %s to %s', (start, end, from, to) => {
    expect(visibleWindow(new Date(start), new Date(end))).toEqual({ from, to });
  });

  it.each([
    ['2027-07-01T17:00:00Z', 'Europe/Paris', '2027-07-01T19:00:00'],
    ['2027-01-01T17:00:00Z', 'Europe/Paris', '2027-01-01T18:00:00'],
  ])('%s shows at %s wall time in %s', (instant, zone, wall) => {
    expect(toCalendarTime(instant, zone)).toBe(wall);
    expect(fromCalendarTime(new Date(`${wall}Z`), zone)).toBe(instant);
  });
});

describe('placeClock', () => {
  it('gives a Montreal date its Montreal start when the calendar is on Paris time', () => {
    const mission = { starts_at: '2027-07-11T00:00:00Z', timezone: 'America/Montreal' };
    expect(placeClock(mission, 'Europe/Paris', 'fr')).toEqual({ time: '20:00', label: 'Montreal' });
  });

  it('says nothing for a mission on the org clock, or without a timezone', () => {
    expect(placeClock({ starts_at: '2027-07-11T00:00:00Z', timezone: 'Europe/Paris' }, 'Europe/Paris', 'fr')).toBeNull();
    expect(placeClock({ starts_at: '2027-07-11T00:00:00Z' }, 'Europe/Paris', 'fr')).toBeNull();
  });
});


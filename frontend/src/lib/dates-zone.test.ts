import { describe, expect, it } from 'vitest';

import { addDays, wallTimeInZone, zonedWallTimeToInstant, zoneOffsetMinutes } from '@/lib/dates';

describe('zone math', () => {
  it.each([
    ['2027-07-01T17:00:00Z', 'Europe/Paris', 120],
    ['2027-01-15T12:00:00Z', 'Europe/Paris', 60],
    ['2027-07-01T17:00:00Z', 'UTC', 0],
    ['2027-07-01T17:00:00Z', 'America/New_York', -240],
  ])('offset of %s in %s is %i min', (instant, zone, offset) => {
    expect(zoneOffsetMinutes(instant, zone)).toBe(offset);
  });

  it.each([
    ['2027-07-01T17:00:00Z', 'Europe/Paris', '2027-07-01T19:00:00'],
    ['2027-07-01T23:30:00Z', 'Europe/Paris', '2027-07-02T01:30:00'],
    ['2027-12-31T23:00:00Z', 'Europe/Paris', '2028-01-01T00:00:00'],
  ])('wall time of %s in %s is %s', (instant, zone, wall) => {
    expect(wallTimeInZone(instant, zone)).toBe(wall);
  });

  it.each([
    ['2027-07-01T19:00:00', 'Europe/Paris', '2027-07-01T17:00:00Z'],
    ['2027-07-02T01:00', 'Europe/Paris', '2027-07-01T23:00:00Z'],
    ['2027-01-15T08:00:00', 'Europe/Paris', '2027-01-15T07:00:00Z'],
    // autumn: 02:30 happens twice; the first (summer time) is kept
    ['2027-10-31T02:30:00', 'Europe/Paris', '2027-10-31T00:30:00Z'],
    // spring: 02:30 does not exist; it moves an hour on
    ['2027-03-28T02:30:00', 'Europe/Paris', '2027-03-28T01:30:00Z'],
    ['2027-07-01', 'UTC', '2027-07-01T00:00:00Z'],
  ])('wall time %s in %s is the instant %s', (wall, zone, instant) => {
    expect(zonedWallTimeToInstant(wall, zone)).toBe(instant);
  });

  it('round-trips a wall time', () => {
    const wall = '2027-07-14T22:15:00';
    expect(wallTimeInZone(zonedWallTimeToInstant(wall, 'Europe/Paris'), 'Europe/Paris')).toBe(wall);
  });

  it.each([
    ['2027-07-31', 1, '2027-08-01'],
    ['2027-03-01', -1, '2027-02-28'],
    ['2028-02-28', 1, '2028-02-29'],
  ])('%s plus %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

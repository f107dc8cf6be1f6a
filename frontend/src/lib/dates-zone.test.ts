import { describe, expect, it } from 'vitest';

import {
  addDays,
  daysAfter,
  isTimeZone,
  missionClock,
  wallTimeInZone,
  zoneLabel,
  zonedWallTimeToInstant,
  zoneOffsetMinutes,
} from '@/lib/dates';

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

describe('a mission on its place clock', () => {
  it.each([
    ['America/Montreal', 'Montreal'],
    ['Europe/Paris', 'Paris'],
    ['America/Argentina/Buenos_Aires', 'Buenos Aires'],
    ['UTC', 'UTC'],
  ])('labels %s as %s (as the server does)', (zone, label) => {
    expect(zoneLabel(zone)).toBe(label);
  });

  it.each([
    ['America/Montreal', true],
    ['Europe/Paris', true],
    ['Mars/Olympus', false],
    ['', false],
  ])('knows whether %j is a timezone', (zone, known) => {
    expect(isTimeZone(zone)).toBe(known);
  });

  it('counts the days between the local days of two clocks', () => {
    expect(daysAfter('2027-07-11T00:00:00Z', 'Europe/Paris', '2027-07-10')).toBe(1);
    expect(daysAfter('2027-07-11T00:00:00Z', 'America/Montreal', '2027-07-10')).toBe(0);
    expect(daysAfter('2027-07-10T22:30:00Z', 'America/Montreal', '2027-07-11')).toBe(-1);
  });

  it('gives a Montreal 20:00 date as 02:00 the next day in Paris', () => {
    const starts = '2027-07-11T00:00:00Z';
    const ends = '2027-07-11T05:00:00Z'; // 01:00 the next day in Montreal
    expect(missionClock(starts, ends, 'America/Montreal', 'America/Montreal', 'fr')).toEqual({
      timeZone: 'America/Montreal',
      label: 'Montreal',
      start: { time: '20:00', days: 0 },
      end: { time: '01:00', days: 1 },
    });
    expect(missionClock(starts, ends, 'Europe/Paris', 'America/Montreal', 'fr')).toEqual({
      timeZone: 'Europe/Paris',
      label: 'Paris',
      start: { time: '02:00', days: 1 },
      end: { time: '07:00', days: 1 },
    });
  });
});

import { describe, expect, it } from 'vitest';

import { actualSpan, duration, instantOf, nextDay, wallOf } from './zoned';

const PARIS = 'Europe/Paris';

describe('wall clocks of a zone', () => {
  it.each([
    ['2027-07-06', '18:00', PARIS, '2027-07-06T16:00:00.000Z'],
    ['2027-01-06', '18:00', PARIS, '2027-01-06T17:00:00.000Z'],
    ['2027-07-06', '18:00', 'America/Montreal', '2027-07-06T22:00:00.000Z'],
    // Skipped by the spring change (02:00 -> 03:00): moved forward by the gap.
    ['2027-03-28', '02:30', PARIS, '2027-03-28T01:30:00.000Z'],
    // Repeated by the autumn change: the first 02:30 (summer time).
    ['2027-10-31', '02:30', PARIS, '2027-10-31T00:30:00.000Z'],
  ])('%s %s in %s is %s', (date, time, zone, iso) => {
    expect(instantOf(date, time, zone)).toBe(iso);
  });

  it('reads an instant back on the clock of its zone', () => {
    expect(wallOf('2027-07-06T23:30:00Z', PARIS)).toEqual({ date: '2027-07-07', time: '01:30' });
    expect(nextDay('2027-12-31')).toBe('2028-01-01');
  });
});

describe('actualSpan', () => {
  it.each([
    // planned start, typed start, typed end -> start, end
    ['2027-07-06T16:00:00Z', '18:00', '23:00', '2027-07-06T16:00:00.000Z', '2027-07-06T21:00:00.000Z'],
    ['2027-07-06T16:00:00Z', '18:00', '01:30', '2027-07-06T16:00:00.000Z', '2027-07-06T23:30:00.000Z'],
    ['2027-07-06T16:00:00Z', '17:45', '23:00', '2027-07-06T15:45:00.000Z', '2027-07-06T21:00:00.000Z'],
    // Planned 00:30, started 23:30 the evening before.
    ['2027-07-06T22:30:00Z', '23:30', '04:00', '2027-07-06T21:30:00.000Z', '2027-07-07T02:00:00.000Z'],
  ])('planned %s, typed %s-%s', (planned, start, end, isoStart, isoEnd) => {
    expect(actualSpan(planned, PARIS, start, end)).toEqual({ start: isoStart, end: isoEnd });
  });

  it('writes durations in hours and minutes', () => {
    expect([duration(420), duration(450), duration(5)]).toEqual(['7 h', '7 h 30', '0 h 05']);
  });
});

import { describe, expect, it } from 'vitest';

import { instantsOf, localTimesOf } from '@/features/projects/utils/mission-local-times';

describe('localTimesOf', () => {
  it('reads a night show on the place clock, ending the next day', () => {
    expect(localTimesOf('2027-07-10T17:00:00Z', '2027-07-10T23:00:00Z', 'Europe/Paris')).toEqual({
      date: '2027-07-10',
      start: '19:00',
      end: '01:00',
      endsNextDay: true,
      endDays: 1,
    });
  });

  it('reads the same instants on another clock', () => {
    expect(localTimesOf('2027-07-10T17:00:00Z', '2027-07-10T20:00:00Z', 'America/Montreal')).toMatchObject({
      date: '2027-07-10',
      start: '13:00',
      end: '16:00',
      endsNextDay: false,
    });
  });
});

describe('instantsOf', () => {
  it('turns local times into instants, across midnight with endsNextDay', () => {
    expect(instantsOf({ date: '2027-07-10', start: '19:00', end: '01:00', endsNextDay: true }, 'Europe/Paris')).toEqual({
      ok: true,
      starts_at: '2027-07-10T17:00:00Z',
      ends_at: '2027-07-10T23:00:00Z',
    });
  });

  it('refuses an end before the start on the same day', () => {
    expect(instantsOf({ date: '2027-07-10', start: '13:00', end: '03:00', endsNextDay: false }, 'Europe/Paris')).toEqual({
      ok: false,
      error: 'ends_before_start',
    });
    expect(instantsOf({ date: '2027-07-10', start: '13:00', end: '13:00', endsNextDay: false }, 'Europe/Paris')).toEqual({
      ok: false,
      error: 'ends_before_start',
    });
  });

  it('refuses an incomplete date or time', () => {
    expect(instantsOf({ date: '', start: '13:00', end: '15:00', endsNextDay: false }, 'Europe/Paris')).toEqual({ ok: false, error: 'invalid' });
    expect(instantsOf({ date: '2027-07-10', start: '', end: '15:00', endsNextDay: false }, 'Europe/Paris')).toEqual({ ok: false, error: 'invalid' });
  });

  it('takes the first of a repeated hour (the autumn change)', () => {
    const result = instantsOf({ date: '2027-10-31', start: '02:30', end: '04:00', endsNextDay: false }, 'Europe/Paris');
    expect(result).toEqual({ ok: true, starts_at: '2027-10-31T00:30:00Z', ends_at: '2027-10-31T03:00:00Z' });
  });
});

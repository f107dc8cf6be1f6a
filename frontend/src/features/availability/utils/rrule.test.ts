import { describe, expect, it } from 'vitest';

import { buildWeeklyRule, durationBetween, ruleDays } from '@/features/availability/utils/rrule';

describe('weekly rules', () => {
  it('orders the days and counts occurrences over the weeks', () => {
    expect(buildWeeklyRule({ days: ['WE', 'MO'], weeks: 4 })).toBe('FREQ=WEEKLY;BYDAY=MO,WE;COUNT=8');
  });

  it('refuses a rule without days', () => {
    expect(() => buildWeeklyRule({ days: [], weeks: 2 })).toThrow(RangeError);
  });

  it('reads the days back, with or without the RRULE: prefix', () => {
    expect(ruleDays('RRULE:FREQ=WEEKLY;BYDAY=SU,TU;COUNT=4')).toEqual(['TU', 'SU']);
    expect(ruleDays('FREQ=DAILY;COUNT=3')).toEqual([]);
  });

  it.each([
    ['09:00', '17:30', 510],
    ['22:00', '02:00', 240],
    ['10:00', '10:00', 1440],
  ])('from %s to %s is %i minutes', (start, end, minutes) => {
    expect(durationBetween(start, end)).toBe(minutes);
  });
});

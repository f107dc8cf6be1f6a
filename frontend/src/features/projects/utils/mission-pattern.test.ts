import { describe, expect, it } from 'vitest';

import {
  cleanRoles,
  daysOutside,
  endsNextDay,
  expandPattern,
  parseDays,
  patternDays,
  slotBodies,
  slotError,
  weekdayOf,
  type PatternInput,
  type SlotInput,
} from '@/features/projects/utils/mission-pattern';

const slots = [
  { start: '08:00', end: '13:00', title: 'Montage' },
  { start: '19:00', end: '01:00', title: '' },
];

describe('patternDays', () => {
  it.each<[string, PatternInput, string[]]>([
    ['listed days, sorted and distinct', { mode: 'days', days: ['2027-07-03', '2027-07-01', '2027-07-03'], slots }, ['2027-07-01', '2027-07-03']],
    ['a range, every day', { mode: 'range', from: '2027-07-30', to: '2027-08-02', weekdays: [0, 1, 2, 3, 4, 5, 6], slots }, ['2027-07-30', '2027-07-31', '2027-08-01', '2027-08-02']],
    // 2027-07-05 is a Monday
    ['a range, weekends only', { mode: 'range', from: '2027-07-05', to: '2027-07-18', weekdays: [5, 6], slots }, ['2027-07-10', '2027-07-11', '2027-07-17', '2027-07-18']],
    ['an inverted range', { mode: 'range', from: '2027-07-05', to: '2027-07-01', weekdays: [0], slots }, []],
  ])('%s', (_, pattern, days) => expect(patternDays(pattern)).toEqual(days));
});

describe('expandPattern', () => {
  it('makes days x slots, the night slot ending the next day, with the default title', () => {
    const rows = expandPattern({ mode: 'range', from: '2027-07-31', to: '2027-08-01', weekdays: [0, 1, 2, 3, 4, 5, 6], slots }, 'Exploitation');
    expect(rows).toEqual([
      { slot: 0, day: '2027-07-31', title: 'Montage', start: '08:00', end: '13:00', endDay: '2027-07-31', nextDay: false },
      { slot: 1, day: '2027-07-31', title: 'Exploitation', start: '19:00', end: '01:00', endDay: '2027-08-01', nextDay: true },
      { slot: 0, day: '2027-08-01', title: 'Montage', start: '08:00', end: '13:00', endDay: '2027-08-01', nextDay: false },
      { slot: 1, day: '2027-08-01', title: 'Exploitation', start: '19:00', end: '01:00', endDay: '2027-08-02', nextDay: true },
    ]);
  });

  it('starts a slot with a day offset on a later day (the night get-out)', () => {
    const rows = expandPattern({ mode: 'days', days: ['2027-07-31'], slots: [{ start: '01:00', end: '04:00', title: 'Demontage', dayOffset: 1 }] }, 'X');
    expect(rows).toEqual([{ slot: 0, day: '2027-08-01', title: 'Demontage', start: '01:00', end: '04:00', endDay: '2027-08-01', nextDay: false }]);
  });

  it('skips invalid slots', () => {
    const rows = expandPattern({ mode: 'days', days: ['2027-07-01'], slots: [{ start: '8h', end: '13:00', title: '' }] }, 'X');
    expect(rows).toEqual([]);
  });
});

describe('helpers', () => {
  it.each([
    ['2027-07-05', 0],
    ['2027-07-11', 6],
    ['2027-07-14', 2],
  ])('%s is weekday %i', (day, weekday) => expect(weekdayOf(day)).toBe(weekday));

  it.each<[string, string[] | null]>([
    ['2027-07-02, 2027-07-01\n2027-07-02', ['2027-07-01', '2027-07-02']],
    ['', []],
    ['2027-07-01 demain', null],
  ])('parseDays(%j)', (text, days) => expect(parseDays(text)).toEqual(days));

  it.each<[SlotInput, string | null]>([
    [{ start: '08:00', end: '13:00', title: '' }, null],
    [{ start: '19:00', end: '01:00', title: '' }, null],
    [{ start: '24:00', end: '01:00', title: '' }, 'format'],
    [{ start: '10:00', end: '10:00', title: '' }, 'empty'],
    [{ start: '01:00', end: '04:00', title: '', dayOffset: 7 }, null],
    [{ start: '01:00', end: '04:00', title: '', dayOffset: 8 }, 'offset'],
    [{ start: '01:00', end: '04:00', title: '', dayOffset: 1.5 }, 'offset'],
  ])('slotError(%j) is %s', (slot, error) => expect(slotError(slot)).toBe(error));

  it.each([
    ['19:00', '01:00', true],
    ['23:30', '00:00', true],
    ['08:00', '13:00', false],
    ['10:00', '10:00', false],
    ['8h', '01:00', false],
  ])('%s-%s ends the next day: %s', (start, end, next) => expect(endsNextDay({ start, end })).toBe(next));

  it('lists the days outside the project', () => {
    expect(daysOutside(['2027-06-30', '2027-07-01', '2027-08-01'], '2027-07-01', '2027-07-31')).toEqual(['2027-06-30', '2027-08-01']);
    expect(daysOutside(['2027-06-30'], null, null)).toEqual([]);
  });
});

describe('roles per slot', () => {
  it('cleans roles: unnamed ones dropped, skills trimmed, lower-cased and distinct', () => {
    expect(cleanRoles([{ name: ' Son ', quota: 2, skills: [' CACES ', 'caces', '', 'Habilitation'] }, { name: ' ', quota: 1 }])).toEqual([
      { name: 'Son', quota: 2, required_skills: ['caces', 'habilitation'] },
    ]);
  });

  it('sends every slot in one request: next day said, offset, own roles or the call\'s (null)', () => {
    const bodies = slotBodies([
      { start: '08:00', end: '13:00', title: ' Montage ' },
      { start: '19:00', end: '01:00', title: '', roles: [{ name: ' Regisseur son ', quota: 1, skills: ['SON'] }] },
      { start: '01:00', end: '04:00', title: 'Demontage', dayOffset: 1, roles: null },
      { start: '14:00', end: '18:00', title: 'Raccords', roles: [] },
    ]);
    expect(bodies).toEqual([
      { start: '08:00', end: '13:00', title: 'Montage', ends_next_day: false, day_offset: 0, fold: 0, roles: null },
      {
        start: '19:00',
        end: '01:00',
        title: null,
        ends_next_day: true,
        day_offset: 0,
        fold: 0,
        roles: [{ name: 'Regisseur son', quota: 1, required_skills: ['son'] }],
      },
      { start: '01:00', end: '04:00', title: 'Demontage', ends_next_day: false, day_offset: 1, fold: 0, roles: null },
      { start: '14:00', end: '18:00', title: 'Raccords', ends_next_day: false, day_offset: 0, fold: 0, roles: [] },
    ]);
  });
});

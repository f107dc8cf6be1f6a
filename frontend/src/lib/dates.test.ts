import { describe, expect, it } from 'vitest';

import { dayInZone, durationParts, formatAgendaDay, formatCalendarDate, formatDateTime, formatTime, formatZone, isoWeekMonday } from '@/lib/dates';

describe('dates in the org timezone', () => {
  it.each([
    // instant (UTC)             zone                 local time
    ['2027-07-14T20:30:00Z', 'Europe/Paris', '22:30'], // summer time, UTC+2
    ['2027-01-14T20:30:00Z', 'Europe/Paris', '21:30'], // winter time, UTC+1
    ['2027-07-14T20:30:00Z', 'America/Montreal', '16:30'],
  ])('%s in %s is %s', (instant, timeZone, expected) => {
    expect(formatTime(instant, { timeZone, locale: 'fr' })).toBe(expected);
  });

  it('puts a late-night instant on the org calendar day, not the UTC one', () => {
    // 23:30 UTC on 14 July is already 15 July in Paris.
    expect(dayInZone('2027-07-14T23:30:00Z', 'Europe/Paris')).toBe('2027-07-15');
    expect(dayInZone('2027-07-14T23:30:00Z', 'UTC')).toBe('2027-07-14');
  });

  it('formats in the UI language and returns nothing for an invalid input', () => {
    const zone = { timeZone: 'Europe/Paris', locale: 'en' };
    expect(formatDateTime('2027-07-14T20:30:00Z', zone)).toMatch(/Jul 14, 2027/);
    expect(formatDateTime('not a date', zone)).toBe('');
  });
});

describe('durationParts', () => {
  it.each([
    [0, 0, 0],
    [45, 0, 45],
    [180, 3, 0],
    [300, 5, 0],
    [1830, 30, 30],
    [-5, 0, 0],
  ])('%i minutes are %i h %i', (total, hours, minutes) => {
    expect(durationParts(total)).toEqual({ hours, minutes });
  });
});

describe('calendar dates of the API', () => {
  it('writes a YYYY-MM-DD day as it is, whatever the zone of the machine', () => {
    expect(formatCalendarDate('2027-07-14', 'fr')).toBe('14 juil. 2027');
    expect(formatCalendarDate('2027-07-14', 'en')).toBe('Jul 14, 2027');
    expect(formatCalendarDate('not a date', 'fr')).toBe('not a date');
    // An agenda's day: its weekday, no year (the calendar day, whatever the zone).
    expect(formatAgendaDay('2027-07-14', 'fr')).toBe('mercredi 14 juillet');
    expect(formatAgendaDay('2027-07-14', 'en')).toBe('Wednesday, July 14');
    expect(formatAgendaDay('not a date', 'fr')).toBe('not a date');
  });
});

describe('timezones and ISO weeks in words', () => {
  it('says a timezone by its city, never by its IANA id', () => {
    expect(formatZone('Europe/Paris', 'fr')).toBe('heure de Paris');
    expect(formatZone('America/Montreal', 'en')).toBe('Montreal time');
    expect(formatZone('America/Port_of_Spain', 'fr')).toBe('heure de Port of Spain');
  });

  it.each([
    ['2027-W28', '2027-07-12'],
    ['2027-W01', '2027-01-04'],
    ['2026-W01', '2025-12-29'],
    ['2026-W53', '2026-12-28'],
    ['2027-W54', null],
    ['July', null],
  ])('the Monday of %s is %s', (week, monday) => {
    expect(isoWeekMonday(week)).toBe(monday);
  });
});

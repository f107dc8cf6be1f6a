/**
 * All date display goes through here: instants from the API (UTC ISO strings)
 * are shown in the org's IANA timezone, in the UI language, with Intl.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';

import { useLocaleStore, type Locale } from '@/lib/i18n/locale-store';
import { translate, type MessageKey, type MessageVars } from '@/lib/i18n/translate';

export const DEFAULT_TIMEZONE = 'Europe/Paris';

export type DateInput = string | number | Date;

export interface ZoneOptions {
  timeZone: string;
  locale: string;
}

function toDate(value: DateInput): Date {
  return value instanceof Date ? value : new Date(value);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One `Intl.DateTimeFormat` per locale and options, made once: building one costs
 * about a hundred times what formatting with it does, and a month of the planning
 * formats thousands of times (measured in Chromium: 115 ms of a 290 ms load).
 * Options are written inline by the callers here, so their key order is stable.
 */
function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, found);
  }
  return found;
}

function format(value: DateInput, zone: ZoneOptions, options: Intl.DateTimeFormatOptions): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return '';
  return dateTimeFormat(zone.locale, { timeZone: zone.timeZone, ...options }).format(date);
}

export function formatDate(value: DateInput, zone: ZoneOptions): string {
  return format(value, zone, { dateStyle: 'medium' });
}

export function formatDateTime(value: DateInput, zone: ZoneOptions): string {
  return format(value, zone, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatTime(value: DateInput, zone: ZoneOptions): string {
  return format(value, zone, { timeStyle: 'short' });
}

/** A `YYYY-MM-DD` calendar day written with `options` (read in UTC: no zone shift); else as it is. */
function formatIsoDay(isoDate: string, locale: string, options: Intl.DateTimeFormatOptions): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const [y, m, d] = match.slice(1).map(Number) as [number, number, number];
  return dateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/**
 * A calendar date of the API (`YYYY-MM-DD`: a certification's last valid day, a
 * project's first day) as the UI language writes it. No zone: the day is the day.
 */
export function formatCalendarDate(isoDate: string, locale: string): string {
  return formatIsoDay(isoDate, locale, { dateStyle: 'medium' });
}

/** A `YYYY-MM-DD` date as an agenda heads a day: "mercredi 7 juillet", "Wednesday, July 7". */
export function formatAgendaDay(isoDate: string, locale: string): string {
  return formatIsoDay(isoDate, locale, { weekday: 'long', day: 'numeric', month: 'long' });
}

/** The calendar day (YYYY-MM-DD) of an instant in a zone: day boundaries follow the org. */
export function dayInZone(value: DateInput, timeZone: string): string {
  const parts = dateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(toDate(value));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const TimeZoneContext = createContext<string>(DEFAULT_TIMEZONE);

/** Set once by the app shell from the active org. */
export function TimeZoneProvider({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  return <TimeZoneContext.Provider value={timeZone}>{children}</TimeZoneContext.Provider>;
}

/** Whole hours and the minutes left of a duration given in minutes (negative counts as 0). */
export function durationParts(total: number): { hours: number; minutes: number } {
  const safe = Math.max(0, Math.round(total));
  return { hours: Math.floor(safe / 60), minutes: safe % 60 };
}

export interface DateFormatters {
  timeZone: string;
  formatDate: (value: DateInput) => string;
  formatDateTime: (value: DateInput) => string;
  formatTime: (value: DateInput) => string;
  /** A duration in minutes (the API's `duration_minutes`): "6 h", "6 h 30", "45 min". */
  formatDuration: (minutes: number) => string;
  /** A `YYYY-MM-DD` calendar date, without any zone shift. */
  formatDay: (isoDate: string) => string;
  /** A `YYYY-MM-DD` calendar date with its weekday, no year: the heading of an agenda's day. */
  formatAgendaDay: (isoDate: string) => string;
  /** An IANA timezone as people say it: "heure de Paris", "Montreal time". */
  formatZone: (timeZone: string) => string;
  /** Today in the org's zone, `YYYY-MM-DD`. */
  today: () => string;
}

export function useDates(): DateFormatters {
  const timeZone = useContext(TimeZoneContext);
  // The store, not useLocale: the error wording (lib/i18n/error-text.ts) formats dates too.
  const locale = useLocaleStore((state) => state.locale);
  return useMemo(() => {
    const zone = { timeZone, locale };
    const t = (key: MessageKey, vars?: MessageVars) => translate(locale, key, vars);
    return {
      timeZone,
      formatDate: (value) => formatDate(value, zone),
      formatDateTime: (value) => formatDateTime(value, zone),
      formatTime: (value) => formatTime(value, zone),
      formatDuration: (total) => {
        const { hours, minutes } = durationParts(total);
        if (!hours) return t('duration_minutes', { minutes });
        if (!minutes) return t('duration_hours', { hours });
        return t('duration_hours_minutes', { hours, minutes: String(minutes).padStart(2, '0') });
      },
      formatDay: (isoDate) => formatCalendarDate(isoDate, locale),
      formatAgendaDay: (isoDate) => formatAgendaDay(isoDate, locale),
      formatZone: (name) => formatZone(name, locale),
      today: () => dayInZone(Date.now(), timeZone),
    };
  }, [timeZone, locale]);
}

// -- zone math (pure): the calendar works on "wall times" of the org zone --------

interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function zoneParts(date: Date, timeZone: string): WallParts {
  const parts = dateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** Minutes to add to UTC to get the zone's wall time at that instant (Paris in July: 120). */
export function zoneOffsetMinutes(value: DateInput, timeZone: string): number {
  const date = toDate(value);
  const p = zoneParts(date, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The wall time of an instant in a zone, without offset: `2027-07-01T19:00:00`. */
export function wallTimeInZone(value: DateInput, timeZone: string): string {
  const p = zoneParts(toDate(value), timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/**
 * The UTC instant (ISO, `Z`) of a wall time in a zone. In the hour skipped by a
 * spring-forward the wall time does not exist: it maps to the instant one hour
 * later on the clock, as most calendars do.
 */
export function zonedWallTimeToInstant(wall: string, timeZone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(wall);
  if (!match) throw new RangeError(`not a wall time: ${wall}`);
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  const day = 24 * 3_600_000;
  const offsets = [zoneOffsetMinutes(asUtc - day, timeZone), zoneOffsetMinutes(asUtc + day, timeZone)];
  const candidates = offsets
    .map((offset) => asUtc - offset * 60_000)
    .filter((instant) => zoneOffsetMinutes(instant, timeZone) * 60_000 === asUtc - instant);
  // Ambiguous (autumn): the earlier instant; skipped (spring): the offset before the change.
  const instant = candidates.length ? Math.min(...candidates) : asUtc - (offsets[0] ?? 0) * 60_000;
  return new Date(instant).toISOString().replace('.000Z', 'Z');
}

/** `YYYY-MM-DD` plus `days` (calendar days, no zone involved). */
export function addDays(isoDate: string, days: number): string {
  const [y = 1970, m = 1, d = 1] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

// -- a mission's clock: its place's timezone next to the org's ----------------------

/** The place part of an IANA timezone, readable (`America/Montreal` -> `Montreal`), as the server labels it. */
export function zoneLabel(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');
}

/**
 * An IANA timezone in words, by its place ("heure de Paris", "Montreal time"): never the raw
 * `Europe/Paris`, which reads as a technical id (Intl's own names, "heure normale d'Europe
 * centrale", do not say which city the times belong to).
 */
export function formatZone(timeZone: string, locale: Locale): string {
  return translate(locale, 'time_zone_city', { city: zoneLabel(timeZone) });
}

/** The Monday (`YYYY-MM-DD`) of an ISO week (`2027-W28`), or null when it is not one. */
export function isoWeekMonday(week: string): string | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return null;
  const [year, number] = [Number(match[1]), Number(match[2])];
  if (number < 1 || number > 53) return null;
  // January 4th is always in week 1.
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = Date.UTC(year, 0, 4 - ((jan4.getUTCDay() + 6) % 7) + (number - 1) * 7);
  return new Date(monday).toISOString().slice(0, 10);
}

/** Whether the browser knows this IANA timezone (aliases such as America/Montreal included). */
export function isTimeZone(timeZone: string): boolean {
  if (!timeZone.trim()) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Calendar days from `fromDay` (YYYY-MM-DD) to the day of `value` in `timeZone` (1: the next day). */
export function daysAfter(value: DateInput, timeZone: string, fromDay: string): number {
  const day = dayInZone(value, timeZone);
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / 86_400_000);
}

export interface ClockTime {
  /** `20:00` */
  time: string;
  /** Days after the mission's local start day (0 the same day, 1 the next...). */
  days: number;
}

export interface MissionClock {
  timeZone: string;
  /** `Montreal` */
  label: string;
  start: ClockTime;
  end: ClockTime;
}

/**
 * A mission's start and end on one clock, each with the days it lies after the
 * mission's local start day (the day in its own timezone): a Montreal date at
 * 20:00-23:00 is, on the Paris clock, 02:00 and 05:00 one day after.
 */
export function missionClock(
  startsAt: DateInput,
  endsAt: DateInput,
  timeZone: string,
  missionTimeZone: string,
  locale: string,
): MissionClock {
  const zone = { timeZone, locale };
  const startDay = dayInZone(startsAt, missionTimeZone);
  return {
    timeZone,
    label: zoneLabel(timeZone),
    start: { time: formatTime(startsAt, zone), days: daysAfter(startsAt, timeZone, startDay) },
    end: { time: formatTime(endsAt, zone), days: daysAfter(endsAt, timeZone, startDay) },
  };
}

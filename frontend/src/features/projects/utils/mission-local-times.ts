import { addDays, wallTimeInZone, zonedWallTimeToInstant } from '@/lib/dates';

/** A mission's times as its form edits them: the local day, start and end on its place's clock. */
export interface LocalTimes {
  date: string;
  start: string;
  end: string;
  /** The end falls on the day after the start (crosses midnight). */
  endsNextDay: boolean;
}

/** The local times of a mission in `timeZone` (a mission longer than a day keeps its end's day count). */
export function localTimesOf(startsAt: string, endsAt: string, timeZone: string): LocalTimes & { endDays: number } {
  const start = wallTimeInZone(startsAt, timeZone);
  const end = wallTimeInZone(endsAt, timeZone);
  const date = start.slice(0, 10);
  const endDays = Math.round((Date.parse(`${end.slice(0, 10)}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000);
  return { date, start: start.slice(11, 16), end: end.slice(11, 16), endsNextDay: endDays >= 1, endDays };
}

export type InstantsResult = { ok: true; starts_at: string; ends_at: string } | { ok: false; error: 'invalid' | 'ends_before_start' };

/**
 * The instants of local times on `timeZone`'s clock. An end not after the start on the
 * same day is refused (as the API refuses it: 13:00 -> 03:00 is a typo, not a 14 h
 * mission), unless the end is on the next day. A repeated hour takes its first instant.
 */
export function instantsOf(times: LocalTimes, timeZone: string): InstantsResult {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(times.date) || !/^\d{2}:\d{2}$/.test(times.start) || !/^\d{2}:\d{2}$/.test(times.end))
    return { ok: false, error: 'invalid' };
  if (!times.endsNextDay && times.end <= times.start) return { ok: false, error: 'ends_before_start' };
  const endDate = times.endsNextDay ? addDays(times.date, 1) : times.date;
  return {
    ok: true,
    starts_at: zonedWallTimeToInstant(`${times.date}T${times.start}`, timeZone),
    ends_at: zonedWallTimeToInstant(`${endDate}T${times.end}`, timeZone),
  };
}

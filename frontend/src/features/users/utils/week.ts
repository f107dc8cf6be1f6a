import { addDays } from '@/lib/dates';

/** The Monday (ISO week start) of a `YYYY-MM-DD` date. */
export function mondayOf(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const weekday = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay(); // 0 = Sunday
  return addDays(isoDate, -((weekday + 6) % 7));
}

/** The seven dates of the week starting on `monday`. */
export function weekDates(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** Items grouped by their day (as given by `dayOf`), for each date of `dates`, sorted by start. */
export function groupByDay<T extends { starts_at: string }>(
  items: T[],
  dates: string[],
  dayOf: (item: T) => string,
): Map<string, T[]> {
  const byDay = new Map<string, T[]>(dates.map((date) => [date, []]));
  for (const item of items) byDay.get(dayOf(item))?.push(item);
  for (const list of byDay.values()) list.sort((a, b) => a.starts_at.localeCompare(b.starts_at));
  return byDay;
}

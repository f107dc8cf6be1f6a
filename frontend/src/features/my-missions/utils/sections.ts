/**
 * How My Missions orders a person's assignments: what waits for their answer first,
 * then what is coming, then what is over; and the hours they committed to this week
 * and this month (days and weeks of the org's zone, from the API's durations).
 */
import { addDays, dayInZone } from '@/lib/dates';

export interface SectionItem {
  status: string;
  starts_at: string;
  ends_at: string;
  duration_minutes: number;
  reserve?: boolean;
}

export type SectionName = 'pending' | 'upcoming' | 'past' | 'closed';
export const SECTION_ORDER: readonly SectionName[] = ['pending', 'upcoming', 'past', 'closed'];

/**
 * pending: invitations not over yet, soonest first; upcoming: accepted and not over,
 * soonest first; past: accepted or never answered, over, latest first; closed:
 * declined or cancelled, latest first.
 */
export function splitSections<T extends SectionItem>(items: readonly T[], now: number): Record<SectionName, T[]> {
  const sections: Record<SectionName, T[]> = { pending: [], upcoming: [], past: [], closed: [] };
  for (const item of items) {
    const over = Date.parse(item.ends_at) <= now;
    if (item.status === 'DECLINED' || item.status === 'CANCELLED') sections.closed.push(item);
    else if (item.status !== 'INVITED' && item.status !== 'ACCEPTED') continue;
    else if (over) sections.past.push(item);
    else if (item.status === 'INVITED') sections.pending.push(item);
    else sections.upcoming.push(item);
  }
  const soonest = (a: T, b: T) => a.starts_at.localeCompare(b.starts_at);
  const latest = (a: T, b: T) => b.starts_at.localeCompare(a.starts_at);
  sections.pending.sort(soonest);
  sections.upcoming.sort(soonest);
  sections.past.sort(latest);
  sections.closed.sort(latest);
  return sections;
}

/** The Monday of the ISO week of a `YYYY-MM-DD` day. */
export function mondayOf(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const weekday = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay(); // 0 = Sunday
  return addDays(isoDate, -((weekday + 6) % 7));
}

export interface HourTotals {
  /** Minutes of accepted missions starting this week (Monday to Sunday). */
  weekMinutes: number;
  /** Minutes of accepted missions starting this calendar month. */
  monthMinutes: number;
}

/**
 * Hours committed to: accepted assignments that hold a place (a reserve waits for
 * one), counted on the day their mission starts, in `timeZone`.
 */
export function hourTotals(items: readonly SectionItem[], now: number, timeZone: string): HourTotals {
  const today = dayInZone(now, timeZone);
  const monday = mondayOf(today);
  const sunday = addDays(monday, 6);
  const month = today.slice(0, 7);
  let weekMinutes = 0;
  let monthMinutes = 0;
  for (const item of items) {
    if (item.status !== 'ACCEPTED' || item.reserve) continue;
    const day = dayInZone(item.starts_at, timeZone);
    if (day >= monday && day <= sunday) weekMinutes += item.duration_minutes;
    if (day.slice(0, 7) === month) monthMinutes += item.duration_minutes;
  }
  return { weekMinutes, monthMinutes };
}


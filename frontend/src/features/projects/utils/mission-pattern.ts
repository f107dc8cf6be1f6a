/**
 * The wizard's preview: the missions a bulk creation will make, computed like
 * the API does (days x slots, a slot ending before it starts ends the next day).
 */
import { addDays } from '@/lib/dates';

export interface SlotInput {
  start: string;
  end: string;
  title: string;
}

export interface RoleInput {
  name: string;
  quota: number;
}

export type PatternInput =
  | { mode: 'days'; days: string[]; slots: SlotInput[] }
  | { mode: 'range'; from: string; to: string; weekdays: number[]; slots: SlotInput[] };

export interface PreviewRow {
  day: string;
  title: string;
  start: string;
  end: string;
  endDay: string;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Monday 0 ... Sunday 6, as the API counts. */
export function weekdayOf(isoDate: string): number {
  const [y = 1970, m = 1, d = 1] = isoDate.split('-').map(Number);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** Dates typed in a list (commas, spaces or new lines), sorted and distinct; null if one is invalid. */
export function parseDays(text: string): string[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (!parts.every((p) => ISO_DAY.test(p) && !Number.isNaN(Date.parse(p)))) return null;
  return [...new Set(parts)].sort();
}

export function patternDays(pattern: PatternInput, maxDays = 366): string[] {
  if (pattern.mode === 'days') return [...new Set(pattern.days)].sort();
  if (!ISO_DAY.test(pattern.from) || !ISO_DAY.test(pattern.to) || pattern.to < pattern.from) return [];
  const days: string[] = [];
  for (let day = pattern.from, i = 0; day <= pattern.to && i < maxDays; day = addDays(day, 1), i += 1) {
    if (pattern.weekdays.includes(weekdayOf(day))) days.push(day);
  }
  return days;
}

export function slotError(slot: SlotInput): 'format' | 'empty' | null {
  if (!HHMM.test(slot.start) || !HHMM.test(slot.end)) return 'format';
  if (slot.start === slot.end) return 'empty';
  return null;
}

export function expandPattern(pattern: PatternInput, defaultTitle: string): PreviewRow[] {
  const rows: PreviewRow[] = [];
  const slots = pattern.slots.filter((s) => slotError(s) === null);
  for (const day of patternDays(pattern)) {
    for (const slot of slots) {
      rows.push({
        day,
        title: slot.title.trim() || defaultTitle.trim(),
        start: slot.start,
        end: slot.end,
        endDay: slot.end < slot.start ? addDays(day, 1) : day,
      });
    }
  }
  return rows;
}

/** Days outside the project's dates (the API refuses a mission that starts outside). */
export function daysOutside(days: string[], startsOn: string | null, endsOn: string | null): string[] {
  return days.filter((d) => (startsOn && d < startsOn) || (endsOn && d > endsOn));
}

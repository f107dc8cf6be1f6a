/**
 * The wizard's preview and request: the missions a bulk creation will make, computed
 * like the API does (days x slots; a slot starts `dayOffset` days after the pattern
 * day; a slot ending before it starts ends the next day, which the request says with
 * `ends_next_day`).
 */
import type { Schema } from '@/lib/api/types';
import { addDays } from '@/lib/dates';

export type TimeSlotBody = Schema<'TimeSlot'>;

/** Most days a slot may start after its pattern day (the API's bound). */
export const MAX_DAY_OFFSET = 7;

export interface RoleInput {
  name: string;
  quota: number;
  /** Skill names; the API stores them trimmed and lower-cased. */
  skills?: string[];
}

export interface SlotInput {
  start: string;
  end: string;
  title: string;
  /** Days after the pattern day the slot starts (0 to 7): 1 for a 01:00 get-out after a show night. */
  dayOffset?: number;
  /** The slot's own roles; absent or null: the roles shared by every slot. */
  roles?: RoleInput[] | null;
}

export type PatternInput =
  | { mode: 'days'; days: string[]; slots: SlotInput[] }
  | { mode: 'range'; from: string; to: string; weekdays: number[]; slots: SlotInput[] };

export interface PreviewRow {
  /** Index of the slot in the pattern's `slots`. */
  slot: number;
  /** The day the mission starts (the pattern day plus the slot's offset). */
  day: string;
  title: string;
  start: string;
  end: string;
  endDay: string;
  /** It ends the day after it starts ("+1 j"). */
  nextDay: boolean;
}

/** A slot's time: `HH:MM` on a 24-hour clock. */
export const SLOT_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
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

export function slotError(slot: SlotInput): 'format' | 'empty' | 'offset' | null {
  if (!SLOT_TIME.test(slot.start) || !SLOT_TIME.test(slot.end)) return 'format';
  if (slot.start === slot.end) return 'empty';
  const offset = slot.dayOffset ?? 0;
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_DAY_OFFSET) return 'offset';
  return null;
}

/** An end before the start is on the next day: the API wants it said (`ends_next_day`). */
export function endsNextDay(slot: Pick<SlotInput, 'start' | 'end'>): boolean {
  return SLOT_TIME.test(slot.start) && SLOT_TIME.test(slot.end) && slot.end < slot.start;
}

export function expandPattern(pattern: PatternInput, defaultTitle: string): PreviewRow[] {
  const rows: PreviewRow[] = [];
  const slots = pattern.slots.map((slot, index) => ({ slot, index })).filter(({ slot }) => slotError(slot) === null);
  for (const patternDay of patternDays(pattern)) {
    for (const { slot, index } of slots) {
      const day = addDays(patternDay, slot.dayOffset ?? 0);
      const nextDay = endsNextDay(slot);
      rows.push({
        slot: index,
        day,
        title: slot.title.trim() || defaultTitle.trim(),
        start: slot.start,
        end: slot.end,
        endDay: nextDay ? addDays(day, 1) : day,
        nextDay,
      });
    }
  }
  return rows;
}

/** Days outside the project's dates (the API refuses a mission that starts outside). */
export function daysOutside(days: string[], startsOn: string | null, endsOn: string | null): string[] {
  return days.filter((d) => (startsOn && d < startsOn) || (endsOn && d > endsOn));
}

/** Skill names as the API keeps them: trimmed, lower-cased, distinct, in order. */
export function cleanSkills(skills: string[] = []): string[] {
  const seen: string[] = [];
  for (const raw of skills) {
    const value = raw.trim().toLowerCase();
    if (value && !seen.includes(value)) seen.push(value);
  }
  return seen;
}

export interface CleanRole {
  name: string;
  quota: number;
  required_skills: string[];
}

/** The roles the API will receive: the named ones, trimmed, with their cleaned skills. */
export function cleanRoles(roles: RoleInput[]): CleanRole[] {
  return roles
    .filter((r) => r.name.trim())
    .map((r) => ({ name: r.name.trim(), quota: r.quota, required_skills: cleanSkills(r.skills) }));
}

/**
 * The slots of the one bulk creation (all the missions or none): each says whether it
 * ends the next day, its day offset, and its own roles (null: the call's roles).
 */
export function slotBodies(slots: SlotInput[]): TimeSlotBody[] {
  return slots.map((slot) => ({
    start: slot.start,
    end: slot.end,
    title: slot.title.trim() || null,
    ends_next_day: endsNextDay(slot),
    day_offset: slot.dayOffset ?? 0,
    fold: 0,
    roles: slot.roles ? cleanRoles(slot.roles) : null,
  }));
}

/** A saved pattern's content (a mission template): the missions' title, slots, shared roles. */
export interface PatternContent {
  title: string;
  slots: TimeSlotBody[];
  roles?: { name: string; quota: number; required_skills?: string[] }[];
}

/** The wizard's roles from request roles (one empty row when there are none, to type in). */
export function roleInputs(roles: PatternContent['roles'] = []): RoleInput[] {
  const rows = roles.map((r) => ({ name: r.name, quota: r.quota, skills: [...(r.required_skills ?? [])] }));
  return rows.length ? rows : [{ name: '', quota: 1, skills: [] }];
}

/** The wizard's slots from request slots: the inverse of {@link slotBodies}. */
export function slotInputs(slots: TimeSlotBody[]): SlotInput[] {
  return slots.map((slot) => ({
    start: slot.start,
    end: slot.end,
    title: slot.title ?? '',
    dayOffset: slot.day_offset ?? 0,
    roles: slot.roles ? roleInputs(slot.roles).filter((r) => r.name) : null,
  }));
}

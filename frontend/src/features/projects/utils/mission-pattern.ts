/**
 * The wizard's preview: the missions a bulk creation will make, computed like
 * the API does (days x slots, a slot ending before it starts ends the next day).
 */
import { addDays } from '@/lib/dates';

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
  /** The slot's own roles; absent or null: the roles shared by every slot. */
  roles?: RoleInput[] | null;
}

export type PatternInput =
  | { mode: 'days'; days: string[]; slots: SlotInput[] }
  | { mode: 'range'; from: string; to: string; weekdays: number[]; slots: SlotInput[] };

export interface PreviewRow {
  /** Index of the slot in the pattern's `slots`. */
  slot: number;
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
  const slots = pattern.slots.map((slot, index) => ({ slot, index })).filter(({ slot }) => slotError(slot) === null);
  for (const day of patternDays(pattern)) {
    for (const { slot, index } of slots) {
      rows.push({
        slot: index,
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

export interface SlotGroup {
  /** Indexes of the slots in the pattern's `slots`. */
  slots: number[];
  roles: CleanRole[];
}

/**
 * Slots that get the same roles, in order of first appearance: one bulk creation each
 * (the API applies one list of roles to every slot of a call). Invalid slots are left out.
 */
export function groupSlotsByRoles(slots: SlotInput[], sharedRoles: RoleInput[]): SlotGroup[] {
  const groups = new Map<string, SlotGroup>();
  slots.forEach((slot, index) => {
    if (slotError(slot) !== null) return;
    const roles = cleanRoles(slot.roles ?? sharedRoles);
    const key = JSON.stringify(roles);
    const group = groups.get(key);
    if (group) group.slots.push(index);
    else groups.set(key, { slots: [index], roles });
  });
  return [...groups.values()];
}

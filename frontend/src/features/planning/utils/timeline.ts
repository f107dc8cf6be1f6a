/**
 * Pure logic of the crew timeline and of the colour language: a mission's fill
 * state from its role counts (which the API counts over every assignment, so a
 * status filter never changes them), the rows of each "rows by" choice, the
 * FullCalendar view of each zoom, and the open places of each day.
 */
import { addDays, dayInZone } from '@/lib/dates';
import type { Tone } from '@/features/planning/utils/calendar';
import type { PlanningWindow } from '@/features/planning/api/get-planning';
import type { PlanningView, TimelineRows, TimelineZoom } from '@/features/planning/stores/planning-store';

export interface RoleCounts {
  id: number;
  name: string;
  quota: number;
  accepted: number;
  pending: number;
  declined: number;
  open: number;
}

/**
 * What a mission (or one role of it) still needs: complete (every place accepted),
 * declined (a hole someone left), pending (invitations wait for answers), missing
 * (places nobody was asked for). A decline stays the first thing to see until the
 * places are all filled.
 */
export type FillState = 'complete' | 'declined' | 'pending' | 'missing';
export const FILL_STATES: readonly FillState[] = ['complete', 'pending', 'missing', 'declined'];

export const FILL_TONES: Record<FillState, Tone> = {
  complete: 'success',
  declined: 'danger',
  pending: 'info',
  missing: 'neutral',
};

export function fillOf(roles: RoleCounts[]): { accepted: number; quota: number; open: number } {
  let accepted = 0;
  let quota = 0;
  let open = 0;
  for (const r of roles) {
    accepted += Math.min(r.accepted, r.quota);
    quota += r.quota;
    open += r.open;
  }
  return { accepted, quota, open };
}

export function fillState(roles: RoleCounts[]): FillState {
  const { accepted, quota } = fillOf(roles);
  if (quota > 0 && accepted >= quota) return 'complete';
  if (roles.some((r) => r.declined > 0 && r.accepted < r.quota)) return 'declined';
  if (roles.some((r) => r.pending > 0)) return 'pending';
  if (quota === 0 && roles.some((r) => r.accepted > 0)) return 'complete';
  return 'missing';
}

/** "6/9", or undefined for a mission without a quota. */
export function fillLabel(roles: RoleCounts[]): string | undefined {
  const { accepted, quota } = fillOf(roles);
  return quota ? `${accepted}/${quota}` : undefined;
}

/**
 * The FullCalendar view that shows a planning view at a timeline zoom (views declared in
 * planning-calendar.tsx; not FullCalendar's own `timeline*` names, which are resource-less views).
 */
export const TIMELINE_FC_VIEWS: Record<TimelineZoom, string> = {
  day: 'crewDay',
  days3: 'crewDays3',
  week: 'crewWeek',
  month: 'crewMonth',
};

export function calendarViewName(view: PlanningView, zoom: TimelineZoom): string {
  return view === 'timeline' ? TIMELINE_FC_VIEWS[zoom] : view;
}

/** The Monday of `day`'s week (weeks start on Monday in both of the app's locales). */
function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/**
 * The window the calendar shows for `view` at `zoom` opened on `day` (what its `datesSet`
 * reports): a day, three days from it, its week, its month, or for the month grid its six
 * weeks from the Monday before the 1st. The screen asks for this window while the
 * calendar's own chunk still loads, instead of after; planning-calendar.test.tsx renders
 * the calendar to keep both equal.
 */
export function calendarWindow(view: PlanningView, zoom: TimelineZoom, day: string): PlanningWindow {
  const span = view === 'timeline' ? zoom : view === 'timeGridDay' ? 'day' : view === 'timeGridWeek' ? 'week' : 'grid';
  const first = `${day.slice(0, 8)}01`;
  switch (span) {
    case 'day':
      return { from: day, to: day };
    case 'days3':
      return { from: day, to: addDays(day, 2) };
    case 'week':
      return { from: mondayOf(day), to: addDays(mondayOf(day), 6) };
    case 'month': {
      const [year = 1970, month = 1] = day.split('-').map(Number);
      return { from: first, to: new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10) };
    }
    default:
      return { from: mondayOf(first), to: addDays(mondayOf(first), 41) };
  }
}

/** The id of the "no place" row: missions without a place go there. */
export const NO_PLACE_ROW = 'place:none';

export interface TimelineRow {
  id: string;
  title: string;
  /** Person rows: planned minutes inside the visible window (the API's totals). */
  plannedMinutes?: number;
  acceptedMinutes?: number;
}

export interface RowsInput {
  missions: { place_id: number | null; roles: { name: string }[] }[];
  places: Record<string, { name: string }>;
  /** Everyone the planning can show a row for (crew list and planning users), by id. */
  userNames: Map<number, string>;
  /** Per-person totals of the visible window. */
  users: { id: number; planned_minutes: number; accepted_minutes: number }[];
  noPlaceTitle: string;
}

const byTitle = (a: TimelineRow, b: TimelineRow) => a.title.localeCompare(b.title);

/**
 * The rows of the timeline. By place: every place of the window, plus "no place"
 * when a mission has none. By person: everyone known, with their hours (people
 * with hours first, then by name). By role: each role name of the window.
 */
export function timelineRows(rows: TimelineRows, input: RowsInput): TimelineRow[] {
  if (rows === 'place') {
    const out = Object.entries(input.places).map(([id, p]) => ({ id: `place:${id}`, title: p.name }));
    out.sort(byTitle);
    if (input.missions.some((m) => m.place_id == null)) out.push({ id: NO_PLACE_ROW, title: input.noPlaceTitle });
    return out;
  }
  if (rows === 'role') {
    // One row per role name, however its case or spaces differ between missions.
    const names = new Map<string, string>();
    input.missions.forEach((m) =>
      m.roles.forEach((r) => {
        if (!names.has(roleRowId(r.name))) names.set(roleRowId(r.name), r.name.trim());
      }),
    );
    return [...names].map(([id, title]) => ({ id, title })).sort(byTitle);
  }
  const totals = new Map(input.users.map((u) => [u.id, u]));
  return [...input.userNames]
    .map(([id, title]) => ({
      id: `user:${id}`,
      title,
      plannedMinutes: totals.get(id)?.planned_minutes ?? 0,
      acceptedMinutes: totals.get(id)?.accepted_minutes ?? 0,
    }))
    .sort((a, b) => Number(b.plannedMinutes > 0) - Number(a.plannedMinutes > 0) || byTitle(a, b));
}

export function placeRowId(placeId: number | null): string {
  return placeId == null ? NO_PLACE_ROW : `place:${placeId}`;
}

export function roleRowId(name: string): string {
  return `role:${name.trim().toLowerCase()}`;
}

/**
 * Open places (quota - accepted) of the missions starting on each day, in the
 * org's timezone: what a manager still has to fill, day by day.
 */
export function openPlacesByDay(
  missions: { starts_at: string; roles: { open: number }[] }[],
  timeZone: string,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of missions) {
    const open = m.roles.reduce((sum, r) => sum + r.open, 0);
    const day = dayInZone(m.starts_at, timeZone);
    out.set(day, (out.get(day) ?? 0) + open);
  }
  return out;
}

/** The missions of one day (org timezone) sorted by start, grouped by start time: the phone agenda. */
export function agendaGroups<M extends { id: number; starts_at: string; title: string }>(
  missions: M[],
  day: string,
  timeZone: string,
): { startsAt: string; missions: M[] }[] {
  const ofDay = missions
    .filter((m) => dayInZone(m.starts_at, timeZone) === day)
    .sort((a, b) => a.starts_at.localeCompare(b.starts_at) || a.title.localeCompare(b.title));
  const groups: { startsAt: string; missions: M[] }[] = [];
  for (const m of ofDay) {
    const last = groups.at(-1);
    if (last && Date.parse(last.startsAt) === Date.parse(m.starts_at)) last.missions.push(m);
    else groups.push({ startsAt: m.starts_at, missions: [m] });
  }
  return groups;
}

/**
 * The day a planning opens on when its layout changes (a window resized between
 * the phone agenda and the grids, a zoom): the selected mission's day first, so
 * its panel stays open; else the calendar's current day so far (not the first day
 * shown: a month's grid starts on the 1st, or before); else the linked day. Null
 * when none is known (the caller then takes today).
 */
export function reopenDay(
  selectedStartsAt: string | null | undefined,
  currentDay: string | null,
  linkedDay: string | null,
  timeZone: string,
): string | null {
  if (selectedStartsAt) return dayInZone(selectedStartsAt, timeZone);
  return currentDay ?? linkedDay;
}

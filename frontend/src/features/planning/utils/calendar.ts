/**
 * Pure calendar logic: status colours, filtering, events for each view, overlap
 * layout, snapping and the visible window. FullCalendar code only adapts these.
 */
import { ASSIGNMENT_STATUS_BADGE } from '@/lib/assignment-status';
import { addDays, formatTime, wallTimeInZone, zoneLabel, zonedWallTimeToInstant } from '@/lib/dates';

export type Tone = 'info' | 'success' | 'danger' | 'muted' | 'neutral';

/** The badge colours of every screen, except a cancelled chip fades out on the calendar. */
export const STATUS_TONES = {
  ...ASSIGNMENT_STATUS_BADGE,
  CANCELLED: 'muted',
} as const satisfies Record<string, Tone>;

export function statusTone(status: string): Tone {
  return (STATUS_TONES as Record<string, Tone>)[status] ?? 'neutral';
}

/** CSS colours of a tone (semantic tokens from src/styles/index.css). */
export const TONE_COLORS: Record<Tone, { background: string; border: string; text: string }> = {
  info: { background: 'var(--color-info-soft)', border: 'var(--color-info)', text: 'var(--color-info)' },
  success: { background: 'var(--color-success-soft)', border: 'var(--color-success)', text: 'var(--color-success)' },
  danger: { background: 'var(--color-danger-soft)', border: 'var(--color-danger)', text: 'var(--color-danger)' },
  muted: { background: 'var(--color-muted)', border: 'var(--color-border)', text: 'var(--color-muted-foreground)' },
  neutral: { background: 'var(--color-surface)', border: 'var(--color-input)', text: 'var(--color-foreground)' },
};

export interface RoleLike {
  id: number;
  name: string;
  quota: number;
  /** INVITED, still waiting for an answer. */
  pending: number;
  accepted: number;
}

export interface MissionLike {
  id: number;
  project_id: number;
  project_name: string;
  title: string;
  place: string;
  /** The mission's timezone (its place's); the org's when absent. */
  timezone?: string;
  starts_at: string;
  ends_at: string;
  duration_minutes: number;
  status: string;
  roles: RoleLike[];
}

/**
 * The start of a mission on its place's clock when that is not the org's (the
 * calendar's): `{ time: '20:00', label: 'Montreal' }` for a Montreal date seen from
 * Paris; null on the org's clock.
 */
export function placeClock(
  mission: Pick<MissionLike, 'starts_at' | 'timezone'>,
  orgZone: string,
  locale: string,
): { time: string; label: string } | null {
  const zone = mission.timezone;
  if (!zone || zone === orgZone) return null;
  return { time: formatTime(mission.starts_at, { timeZone: zone, locale }), label: zoneLabel(zone) };
}

/** Missions with a role of that name (the API has no role filter on the planning). */
export function filterByRole<M extends MissionLike>(missions: M[], role: string | null): M[] {
  if (!role) return missions;
  const wanted = role.trim().toLowerCase();
  return missions.filter((m) => m.roles.some((r) => r.name.toLowerCase() === wanted));
}

/** Distinct role names and projects of the missions shown, for the filters. */
export function facets(missions: MissionLike[]): { roles: string[]; projects: { id: number; name: string }[] } {
  const roles = new Set<string>();
  const projects = new Map<number, string>();
  for (const m of missions) {
    m.roles.forEach((r) => roles.add(r.name));
    projects.set(m.project_id, m.project_name);
  }
  return {
    roles: [...roles].sort((a, b) => a.localeCompare(b)),
    projects: [...projects].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

export interface Interval {
  id: number | string;
  start: number;
  end: number;
}

export interface Placement {
  id: number | string;
  column: number;
  columns: number;
}

/**
 * Side-by-side layout of overlapping intervals: each cluster of intervals that
 * overlap (transitively) is split into as many columns as it needs, each interval
 * taking the first free column. Touching intervals (end == start) do not overlap.
 */
export function layoutOverlaps(intervals: Interval[]): Placement[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Placement[] = [];
  let cluster: Placement[] = [];
  let columnsEnd: number[] = [];
  let clusterEnd = -Infinity;
  const close = () => {
    cluster.forEach((p) => (p.columns = columnsEnd.length));
    out.push(...cluster);
    cluster = [];
    columnsEnd = [];
  };
  for (const item of sorted) {
    if (item.start >= clusterEnd) close();
    let column = columnsEnd.findIndex((end) => end <= item.start);
    if (column === -1) {
      column = columnsEnd.length;
      columnsEnd.push(item.end);
    } else {
      columnsEnd[column] = item.end;
    }
    cluster.push({ id: item.id, column, columns: 0 });
    clusterEnd = Math.max(clusterEnd, item.end);
  }
  close();
  return out;
}

/** Ids of intervals that overlap another one (a user on two missions at once). */
export function overlappingIds(intervals: Interval[]): Set<number | string> {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const ids = new Set<number | string>();
  let latest: Interval | null = null;
  for (const item of sorted) {
    if (latest && item.start < latest.end) {
      ids.add(item.id);
      ids.add(latest.id);
    }
    if (!latest || item.end > latest.end) latest = item;
  }
  return ids;
}

/** Rounds a duration in minutes to the nearest step (15 min by default). */
export function snapMinutes(minutes: number, step = 15): number {
  return Math.round(minutes / step) * step;
}

/** Snaps an instant (ms) to the step in the org zone's wall clock (zones with 30-minute offsets too). */
export function snapInstant(instantMs: number, timeZone: string, step = 15): string {
  const wall = wallTimeInZone(instantMs, timeZone);
  const date = wall.slice(0, 10);
  const h = Number(wall.slice(11, 13));
  const m = Number(wall.slice(14, 16));
  const total = snapMinutes(h * 60 + m, step);
  const day = total >= 24 * 60 ? addDays(date, 1) : date;
  const rest = total % (24 * 60);
  const hh = String(Math.floor(rest / 60)).padStart(2, '0');
  const mm = String(rest % 60).padStart(2, '0');
  return zonedWallTimeToInstant(`${day}T${hh}:${mm}:00`, timeZone);
}

/**
 * The API window of what the calendar shows: FullCalendar gives [start, end) as
 * wall dates of the org zone (it runs in UTC mode); the API takes both days included.
 */
export function visibleWindow(start: Date, end: Date): { from: string; to: string } {
  const from = start.toISOString().slice(0, 10);
  const endDay = end.toISOString().slice(0, 10);
  const to = end.getTime() > start.getTime() ? addDays(endDay, end.toISOString().slice(11) === '00:00:00.000Z' ? -1 : 0) : from;
  return { from, to };
}

/** FullCalendar's current date (UTC mode, a wall time of the org zone) as an ISO day. */
export function calendarDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** FullCalendar runs in UTC mode on the org's wall times: to and from its Dates. */
export function toCalendarTime(instant: string, timeZone: string): string {
  return wallTimeInZone(instant, timeZone);
}

export function fromCalendarTime(date: Date, timeZone: string): string {
  return zonedWallTimeToInstant(date.toISOString().slice(0, 19), timeZone);
}

/**
 * Wall-clock times of a mission's time zone and the instants the API takes: pure
 * functions (no host), tested by table. A timesheet form shows and takes `HH:MM` in the
 * mission's zone; the API speaks instants with an offset.
 */

export interface Wall {
  /** `YYYY-MM-DD` */
  date: string;
  /** `HH:MM` */
  time: string;
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function parts(instant: Date, zone: string): Parts {
  // One formatter per zone, made once: building one costs far more than using it.
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formats.set(zone, format);
  }
  const found: Partial<Record<string, number>> = {};
  for (const part of format.formatToParts(instant)) found[part.type] = Number(part.value);
  return { year: found.year ?? 1970, month: found.month ?? 1, day: found.day ?? 1, hour: found.hour ?? 0, minute: found.minute ?? 0 };
}

/** `YYYY-MM-DD` as numbers. */
function ymd(date: string): [number, number, number] {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return [year, month, day];
}

/** `HH:MM` as numbers. */
function hm(time: string): [number, number] {
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return [hour, minute];
}

const DAY_MS = 86_400_000;

const pad = (value: number) => String(value).padStart(2, '0');

/** The date and time an instant shows on the clocks of `zone`. */
export function wallOf(iso: string, zone: string): Wall {
  const p = parts(new Date(iso), zone);
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

/** Minutes `zone` is ahead of UTC at `instant` (ms). */
function offsetAt(instant: number, zone: string): number {
  const p = parts(new Date(instant), zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/**
 * The instant (ISO, UTC) a wall-clock `date` + `time` of `zone` names. A time skipped by a
 * DST change moves forward by the gap; a repeated one takes its first occurrence.
 */
export function instantOf(date: string, time: string, zone: string): string {
  const [year, month, day] = ymd(date);
  const [hour, minute] = hm(time);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offsets a day before and after: around a DST change, the two it switches between.
  const before = offsetAt(wall - DAY_MS, zone);
  const after = offsetAt(wall + DAY_MS, zone);
  const matching = [...new Set([before, after])]
    .map((offset) => wall - offset * 60_000)
    .filter((instant) => {
      const shown = wallOf(new Date(instant).toISOString(), zone);
      return shown.date === date && shown.time === time;
    })
    .sort((a, b) => a - b);
  return new Date(matching[0] ?? wall - before * 60_000).toISOString();
}

/** The day after `date` (`YYYY-MM-DD`). */
export function nextDay(date: string): string {
  const [year, month, day] = ymd(date);
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return next.toISOString().slice(0, 10);
}

/**
 * Actual start and end instants from the times typed on a line: the start on the planned
 * day (the evening before if the start is typed far later than planned, after midnight),
 * the end after the start (the next day when it reads earlier on the clock).
 */
export function actualSpan(plannedStart: string, zone: string, start: string, end: string): { start: string; end: string } {
  const planned = wallOf(plannedStart, zone);
  let startDay = planned.date;
  // A 23:30 start typed for a mission planned at 00:30 began the evening before.
  if (minutesOf(start) - minutesOf(planned.time) > 12 * 60) startDay = previousDay(planned.date);
  else if (minutesOf(planned.time) - minutesOf(start) > 12 * 60) startDay = nextDay(planned.date);
  const endDay = minutesOf(end) <= minutesOf(start) ? nextDay(startDay) : startDay;
  return { start: instantOf(startDay, start, zone), end: instantOf(endDay, end, zone) };
}

function previousDay(date: string): string {
  const [year, month, day] = ymd(date);
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
}

function minutesOf(time: string): number {
  const [hour, minute] = hm(time);
  return hour * 60 + minute;
}

/** `420` -> `7 h`, `450` -> `7 h 30`. */
export function duration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${pad(rest)}` : `${hours} h`;
}

/** Weekly recurrence rules (RFC 5545 RRULE) built from the form, and read back for display. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface WeeklyRule {
  days: Weekday[];
  /** Number of weeks; the backend wants a bounded rule. */
  weeks: number;
}

/** `FREQ=WEEKLY;BYDAY=MO,WE;COUNT=n` (COUNT counts occurrences: weeks x days). */
export function buildWeeklyRule({ days, weeks }: WeeklyRule): string {
  const ordered = WEEKDAYS.filter((day) => days.includes(day));
  if (ordered.length === 0) throw new RangeError('a weekly rule needs at least one day');
  const count = Math.max(1, Math.floor(weeks)) * ordered.length;
  return `FREQ=WEEKLY;BYDAY=${ordered.join(',')};COUNT=${count}`;
}

/** The BYDAY days of a rule (in week order), or [] when the rule has none. */
export function ruleDays(rule: string): Weekday[] {
  const body = rule.replace(/^RRULE:/i, '');
  const byday = body.split(';').find((part) => part.toUpperCase().startsWith('BYDAY='));
  if (!byday) return [];
  const listed = byday.slice(6).toUpperCase().split(',');
  return WEEKDAYS.filter((day) => listed.some((item) => item.endsWith(day)));
}

/** Minutes from `start` to `end` (HH:MM); an end before the start is on the next day. */
export function durationBetween(start: string, end: string): number {
  const [sh = 0, sm = 0] = start.split(':').map(Number);
  const [eh = 0, em = 0] = end.split(':').map(Number);
  const minutes = eh * 60 + em - (sh * 60 + sm);
  return minutes > 0 ? minutes : minutes + 24 * 60;
}

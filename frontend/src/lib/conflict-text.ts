/**
 * The sentence of a conflict, from its kind and its data (the API's English `message` is for
 * integrators): times in the mission's own timezone, named when it is not the org's.
 */
import { useCallback } from 'react';

import type { Schema } from '@/lib/api/types';
import {
  dayInZone,
  durationParts,
  formatCalendarDate,
  formatDateTime,
  formatTime,
  formatZone,
  isoWeekMonday,
  useDates,
} from '@/lib/dates';
import { useLocaleStore, type Locale } from '@/lib/i18n/locale-store';
import { translate, type MessageKey, type MessageVars } from '@/lib/i18n/translate';

export type Conflict = Schema<'ConflictOut'>;
type ConflictAssignment = Schema<'ConflictAssignmentOut'>;

export interface ConflictTextOptions {
  locale: Locale;
  /** The org's timezone: a mission elsewhere gets its zone named. */
  timeZone: string;
}

function hours(locale: Locale, value: number | null | undefined): string {
  const { hours: h, minutes } = durationParts((value ?? 0) * 60);
  if (!h) return translate(locale, 'duration_minutes', { minutes });
  if (!minutes) return translate(locale, 'duration_hours', { hours: h });
  return translate(locale, 'duration_hours_minutes', { hours: h, minutes: String(minutes).padStart(2, '0') });
}

/** "12 juil. 2027, 20:00 - 23:30", in the assignment's timezone, "(heure de Montreal)" when not the org's. */
export function conflictWhen(assignment: ConflictAssignment | undefined, options: ConflictTextOptions): string {
  if (!assignment) return '';
  const zone = { timeZone: assignment.timezone, locale: options.locale };
  const sameDay = dayInZone(assignment.starts_at, zone.timeZone) === dayInZone(assignment.ends_at, zone.timeZone);
  const vars = {
    start: formatDateTime(assignment.starts_at, zone),
    end: sameDay ? formatTime(assignment.ends_at, zone) : formatDateTime(assignment.ends_at, zone),
  };
  if (assignment.timezone === options.timeZone) return translate(options.locale, 'conflict_when', vars);
  return translate(options.locale, 'conflict_when_zone', { ...vars, zone: formatZone(assignment.timezone, options.locale) });
}

/** Every value a conflict sentence may use, whatever its kind. */
export function conflictVars(conflict: Conflict, options: ConflictTextOptions): MessageVars {
  const { locale } = options;
  const monday = conflict.week ? isoWeekMonday(conflict.week) : null;
  return {
    name: [conflict.user.first_name, conflict.user.last_name].filter(Boolean).join(' '),
    first: conflictWhen(conflict.assignments[0], options),
    second: conflictWhen(conflict.assignments[1], options),
    hours: hours(locale, conflict.hours),
    limit: hours(locale, conflict.limit_hours),
    day: conflict.day ? formatCalendarDate(conflict.day, locale) : '',
    week: monday ? formatCalendarDate(monday, locale) : '',
    skills: (conflict.missing_skills ?? []).join(', '),
    expired: (conflict.expired_skills ?? [])
      .map((skill) => translate(locale, 'conflicts_expired_skill', { name: skill.name, date: formatCalendarDate(skill.valid_until, locale) }))
      .join(', '),
    types: (conflict.absence_types ?? []).map((type) => type.label).join(', '),
  };
}

/** The conflict's sentence in the UI language. */
export function describeConflict(conflict: Conflict, options: ConflictTextOptions): string {
  // An absence names its type (conges, formation...) when the window has one.
  const typed = conflict.kind === 'unavailable' && (conflict.absence_types ?? []).length > 0;
  const key = typed ? 'conflict_text_unavailable_typed' : `conflict_text_${conflict.kind}`;
  return translate(options.locale, key as MessageKey, conflictVars(conflict, options));
}

/** `describeConflict` bound to the UI language and the org's timezone. */
export function useDescribeConflict(): (conflict: Conflict) => string {
  const { timeZone } = useDates();
  const locale = useLocaleStore((state) => state.locale);
  return useCallback((conflict: Conflict) => describeConflict(conflict, { locale, timeZone }), [locale, timeZone]);
}

import type { EventInput } from '@fullcalendar/core';

import { toCalendarTime } from '@/features/planning/utils/calendar';

export interface AbsenceSpan {
  window_id: number;
  user_id: number;
  starts_at: string;
  ends_at: string;
}

/** Greyed background blocks on the rows by person, one per absence occurrence; a user
 * without a row shows none (FullCalendar drops events of unknown resources). */
export function absenceEvents(absences: readonly AbsenceSpan[], timeZone: string, title: string): EventInput[] {
  return absences.map((a) => ({
    id: `absence:${a.window_id}:${a.starts_at}`,
    title,
    start: toCalendarTime(a.starts_at, timeZone),
    end: toCalendarTime(a.ends_at, timeZone),
    resourceId: `user:${a.user_id}`,
    display: 'background',
    classNames: ['planning-absence'],
    editable: false,
  }));
}

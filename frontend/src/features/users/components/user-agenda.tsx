import { useMemo, useState } from 'react';

import { AssignmentStatusBadge } from '@/components/assignment-status-badge/assignment-status-badge';
import { Button } from '@/components/ui/button/button';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Spinner } from '@/components/ui/spinner/spinner';
import { addDays, dayInZone, formatTime as formatTimeIn, useDates, zoneLabel } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import { resolveMissions } from '@/lib/planning';
import { useUserPlanning } from '@/features/users/api/get-user-planning';
import { groupByDay, mondayOf, weekDates } from '@/features/users/utils/week';

/** A user's personal calendar as a week agenda: their assignments day by day. */
export function UserAgenda({ userId }: { userId: number }) {
  const { t, locale } = useLocale();
  const { timeZone, formatDate, formatTime } = useDates();
  const [monday, setMonday] = useState(() => mondayOf(dayInZone(new Date(), timeZone)));
  const dates = useMemo(() => weekDates(monday), [monday]);
  const planning = useUserPlanning(userId, dates[0] ?? monday, dates[6] ?? monday);

  const missions = useMemo(
    () => new Map((planning.data ? resolveMissions(planning.data) : []).map((m) => [m.id, m])),
    [planning.data],
  );
  // An assignment's times are its mission's (the planning sends them once).
  const shown = useMemo(
    () => (planning.data?.assignments ?? []).flatMap((a) => {
      const mission = missions.get(a.mission_id);
      return mission ? [{ assignment: a, mission, starts_at: mission.starts_at }] : [];
    }),
    [missions, planning.data],
  );
  const byDay = groupByDay(shown, dates, (row) => dayInZone(row.mission.starts_at, timeZone));
  // Dates here are wall dates of the org zone: noon keeps the label on the right day.
  const label = (date: string) => formatDate(`${date}T12:00:00Z`);

  return (
    <section aria-labelledby="user-agenda" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="user-agenda" className="text-lg font-semibold">
          {t('users_agenda_title')}
        </h2>
        <div className="flex items-center gap-2">
          <Button variant="secondary" size="sm" onClick={() => setMonday(addDays(monday, -7))}>
            {t('agenda_previous_week')}
          </Button>
          <span className="text-sm" aria-live="polite">
            {t('agenda_week_of', { from: label(dates[0] ?? monday), to: label(dates[6] ?? monday) })}
          </span>
          <Button variant="secondary" size="sm" onClick={() => setMonday(addDays(monday, 7))}>
            {t('agenda_next_week')}
          </Button>
        </div>
      </div>
      {planning.isPending ? (
        <Spinner label={t('loading')} />
      ) : planning.isError ? (
        <ErrorState error={planning.error} onRetry={() => void planning.refetch()} />
      ) : planning.data.assignments.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border bg-surface px-4 py-6 text-center text-sm text-muted-foreground">
          {t('users_agenda_empty')}
        </p>
      ) : (
        <ol className="divide-y divide-border rounded-lg border border-border bg-surface">
          {dates
            .filter((date) => (byDay.get(date) ?? []).length > 0)
            .map((date) => (
              <li key={date} className="px-4 py-3">
                <h3 className="text-sm font-semibold capitalize">{label(date)}</h3>
                <ul className="mt-2 space-y-2">
                  {(byDay.get(date) ?? []).map(({ assignment, mission }) => (
                      <li key={assignment.id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
                        <span>
                          <span className="font-medium">
                            {formatTime(mission.starts_at)} - {formatTime(mission.ends_at)}
                          </span>{' '}
                          {mission.timezone !== timeZone ? (
                            <span className="text-muted-foreground">
                              ({t('time_in_zone', { times: formatTimeIn(mission.starts_at, { timeZone: mission.timezone, locale }), zone: zoneLabel(mission.timezone) })}){' '}
                            </span>
                          ) : null}
                          {mission.title}
                          {mission.place ? <span className="text-muted-foreground"> {t('separator')} {mission.place}</span> : null}
                          <span className="text-muted-foreground"> {t('separator')} {mission.project_name}</span>
                        </span>
                        <AssignmentStatusBadge status={assignment.status} />
                      </li>
                  ))}
                </ul>
              </li>
            ))}
        </ol>
      )}
    </section>
  );
}

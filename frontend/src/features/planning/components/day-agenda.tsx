import { useEffect, useMemo } from 'react';

import { Button } from '@/components/ui/button/button';
import { addDays, dayInZone, useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import type { MissionView } from '@/features/planning/api/get-planning';
import type { AbsenceOccurrence } from '@/features/planning/api/list-planning-absences';
import { usePlanningStore } from '@/features/planning/stores/planning-store';
import { TONE_COLORS } from '@/features/planning/utils/calendar';
import { agendaGroups, fillLabel, fillState, FILL_TONES, reopenDay } from '@/features/planning/utils/timeline';

/**
 * The planning on a phone: one day's missions as a list grouped by start time,
 * previous / next day, a tap opens the mission panel. The day is the fetched
 * window, so the list holds only what the API gave for it. The people absent that day
 * (approved unavailability, absences included) follow the missions.
 */
export function DayAgenda({
  missions,
  absences = [],
  userNames,
}: {
  missions: MissionView[];
  absences?: readonly AbsenceOccurrence[];
  userNames?: ReadonlyMap<number, string>;
}) {
  const { t } = useLocale();
  const { timeZone, formatTime, formatDay, today } = useDates();
  const initialDate = usePlanningStore((s) => s.initialDate);
  const window = usePlanningStore((s) => s.window);
  const currentDay = usePlanningStore((s) => s.currentDay);
  const setWindow = usePlanningStore((s) => s.setWindow);
  const selectMission = usePlanningStore((s) => s.selectMission);
  const selected = usePlanningStore((s) => s.selectedMissionId);
  const day = window && window.from === window.to ? window.from : null;

  const selectedStartsAt = missions.find((m) => m.id === selected)?.starts_at;

  // The agenda's window is one day: the selected mission's (a grid resized to a phone keeps
  // its panel), else the grid's current day, else the linked day, else today.
  useEffect(() => {
    if (day === null) {
      const start = reopenDay(selectedStartsAt, currentDay, initialDate, timeZone) ?? today();
      setWindow({ from: start, to: start });
    }
  }, [currentDay, day, initialDate, selectedStartsAt, setWindow, timeZone, today]);

  const groups = useMemo(() => (day ? agendaGroups(missions, day, timeZone) : []), [day, missions, timeZone]);
  const absent = useMemo(
    () =>
      day
        ? absences
            .filter((a) => dayInZone(a.starts_at, timeZone) <= day && day <= lastDay(a.ends_at, timeZone))
            .sort((a, b) => a.starts_at.localeCompare(b.starts_at))
        : [],
    [absences, day, timeZone],
  );
  if (!day) return null;
  const go = (days: number) => setWindow({ from: addDays(day, days), to: addDays(day, days) });

  return (
    <section aria-labelledby="day-agenda-title" className="space-y-3">
      <div className="flex items-center justify-between gap-2">
        <Button size="sm" variant="secondary" onClick={() => go(-1)} aria-label={t('planning_agenda_prev')}>
          {t('planning_prev_short')}
        </Button>
        <h2 id="day-agenda-title" aria-live="polite" className="text-center font-semibold">
          {formatDay(day)}
        </h2>
        <Button size="sm" variant="secondary" onClick={() => go(1)} aria-label={t('planning_agenda_next')}>
          {t('planning_next_short')}
        </Button>
      </div>
      {groups.length === 0 ? <p className="text-sm text-muted-foreground">{t('planning_agenda_empty')}</p> : null}
      <ol className="space-y-3">
        {groups.map((group) => (
          <li key={group.startsAt}>
            <h3 className="mb-1 text-sm font-semibold tabular-nums text-muted-foreground">{formatTime(group.startsAt)}</h3>
            <ul className="space-y-1.5">
              {group.missions.map((m) => {
                const state = fillState(m.roles);
                const colors = TONE_COLORS[FILL_TONES[state]];
                const fill = fillLabel(m.roles);
                return (
                  <li key={m.id}>
                    <button
                      type="button"
                      data-mission-id={m.id}
                      data-tone={FILL_TONES[state]}
                      aria-pressed={selected === m.id}
                      onClick={() => selectMission(m.id)}
                      className="w-full rounded-md border-l-4 px-3 py-2 text-left text-sm focus-visible:outline-2 focus-visible:outline-ring"
                      style={{ background: colors.background, borderColor: colors.border }}
                    >
                      <span className="flex items-baseline justify-between gap-2 font-semibold">
                        <span className="min-w-0 truncate">{m.title}</span>
                        {fill ? <span className="shrink-0 tabular-nums">{fill}</span> : null}
                      </span>
                      <span className="block truncate text-muted-foreground">
                        {formatTime(m.starts_at)} - {formatTime(m.ends_at)}
                        {m.place ? ` \u00b7 ${m.place}` : ''}
                        {` \u00b7 ${t(`planning_fill_${state}`)}`}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ol>
      {absent.length > 0 ? (
        <section aria-labelledby="day-agenda-absent" className="space-y-1">
          <h3 id="day-agenda-absent" className="text-sm font-semibold text-muted-foreground">
            {t('planning_agenda_absent')}
          </h3>
          <ul className="space-y-1 text-sm">
            {absent.map((a) => {
              const allDay = coversDay(a.starts_at, a.ends_at, day, timeZone);
              return (
                <li
                  key={`${a.window_id}:${a.starts_at}`}
                  data-absence-user={a.user_id}
                  className="rounded-md bg-muted px-3 py-1.5"
                >
                  <span className="font-medium">{userNames?.get(a.user_id) ?? t('planning_agenda_someone')}</span>
                  {` \u00b7 `}
                  <span className="text-muted-foreground">
                    {allDay
                      ? t('planning_agenda_all_day')
                      : t('planning_agenda_absent_span', {
                          from: formatTime(a.starts_at),
                          to: formatTime(a.ends_at),
                        })}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </section>
  );
}

/** The local day of the last minute of a span that ends at `endsAt` (an absence ending at
 * midnight does not touch the next day). */
function lastDay(endsAt: string, timeZone: string): string {
  return dayInZone(new Date(Date.parse(endsAt) - 1).toISOString(), timeZone);
}

/** Whether [startsAt, endsAt) holds all of `day` (from its first to its last minute). */
export function coversDay(startsAt: string, endsAt: string, day: string, timeZone: string): boolean {
  return lastDay(startsAt, timeZone) < day && dayInZone(endsAt, timeZone) > day;
}

import { useMemo } from 'react';

import { AssignmentStatusBadge } from '@/components/assignment-status-badge/assignment-status-badge';
import { MissionTimes } from '@/components/mission-times/mission-times';
import { Alert } from '@/components/ui/alert/alert';
import { Badge } from '@/components/ui/badge/badge';
import { EmptyState } from '@/components/ui/empty-state/empty-state';
import { addDays, dayInZone, useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import { resolveMissions, type MissionView } from '@/lib/planning';
import { reserveBadge } from '@/lib/reserves';
import { useMyPlanning } from '@/features/planning/api/get-my-planning';
import type { Planning, PlanningAssignment } from '@/features/planning/api/get-planning';

export interface OfflineDay {
  day: string;
  items: { mission: MissionView; assignment: PlanningAssignment }[];
}

/** The person's missions of the kept window by local day (days without one left out). */
export function offlineDays(planning: Planning, timeZone: string): OfflineDay[] {
  const missions = new Map(resolveMissions(planning).map((m) => [m.id, m]));
  const days = new Map<string, OfflineDay['items']>();
  for (const assignment of planning.assignments) {
    const mission = missions.get(assignment.mission_id);
    if (!mission) continue;
    const day = dayInZone(mission.starts_at, timeZone);
    days.set(day, [...(days.get(day) ?? []), { mission, assignment }]);
  }
  return [...days]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, items]) => ({
      day,
      items: items.sort((a, b) => a.mission.starts_at.localeCompare(b.mission.starts_at) || a.mission.id - b.mission.id),
    }));
}

/**
 * The planning without network: the signed-in person's own missions of the next
 * 14 days as of the last sync (the shell keeps `mine=true` synced, lib/offline-cache.ts
 * keeps it on the device), with the day it dates from.
 */
export function OfflinePlanning() {
  const { t } = useLocale();
  const { timeZone, formatDateTime, formatDay, formatAgendaDay } = useDates();
  const mine = useMyPlanning(timeZone);
  const days = useMemo(() => (mine.data ? offlineDays(mine.data, timeZone) : []), [mine.data, timeZone]);

  if (!mine.data) {
    return <EmptyState title={t('planning_offline_none')} description={t('planning_offline_none_hint')} />;
  }
  const first = dayInZone(mine.data.from, timeZone);
  const last = addDays(dayInZone(mine.data.to, timeZone), -1);
  return (
    <section aria-labelledby="offline-planning-title" className="space-y-4">
      <Alert variant="warning">{t('planning_offline_notice', { date: formatDateTime(mine.dataUpdatedAt) })}</Alert>
      <h2 id="offline-planning-title" className="text-lg font-semibold">
        {t('planning_offline_title', { from: formatDay(first), to: formatDay(last) })}
      </h2>
      {days.length === 0 ? <p className="text-sm text-muted-foreground">{t('planning_offline_empty')}</p> : null}
      {days.map(({ day, items }) => (
        <section key={day} aria-labelledby={`offline-day-${day}`} className="space-y-2">
          <h3 id={`offline-day-${day}`} className="font-semibold first-letter:uppercase">
            {formatAgendaDay(day)}
          </h3>
          <ul className="space-y-2">
            {items.map(({ mission, assignment }) => {
              const role = mission.roles.find((r) => r.id === assignment.mission_role_id);
              const active = assignment.status === 'INVITED' || assignment.status === 'ACCEPTED';
              const reserve = active ? reserveBadge(assignment) : null;
              return (
                <li key={assignment.id} data-mission-id={mission.id} className="rounded-md border border-border bg-surface px-3 py-2 text-sm">
                  <div className="flex items-baseline justify-between gap-2">
                    <span className="min-w-0 font-semibold">{mission.title}</span>
                    <span className="flex shrink-0 gap-1">
                      {reserve ? <Badge variant="warning">{t(...reserve)}</Badge> : null}
                      <AssignmentStatusBadge status={assignment.status} />
                    </span>
                  </div>
                  <MissionTimes
                    startsAt={mission.starts_at}
                    endsAt={mission.ends_at}
                    timeZone={mission.timezone}
                    withDate={false}
                    className="block tabular-nums"
                  />
                  <span className="block text-muted-foreground">
                    {[role?.name, mission.place, mission.project_name].filter(Boolean).join(t('separator'))}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </section>
  );
}

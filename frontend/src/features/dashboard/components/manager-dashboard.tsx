import { Link } from 'react-router';

import { MissionTimes } from '@/components/mission-times/mission-times';
import { Badge } from '@/components/ui/badge/badge';
import { useDates, dayInZone } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import type { DashboardAssignment, DashboardManager } from '@/features/dashboard/api/get-dashboard';
import { DashboardSection, MoreLine, linkClass } from '@/features/dashboard/components/dashboard-section';
import { waitingAge, weekDelta } from '@/features/dashboard/utils/age';

export function missionPath(missionId: number) {
  return `/missions/${missionId}`;
}

function planningPath(missionId: number, startsAt: string, timeZone: string) {
  return `/planning?date=${dayInZone(startsAt, timeZone)}&mission=${missionId}`;
}

/** A waiting time as "3 h", "2 j": the unit read at a glance. */
function useAgeText() {
  const { t } = useLocale();
  return (since: string, now: string) => {
    const age = waitingAge(since, now);
    return t(`dashboard_age_${age.unit}`, { count: age.count });
  };
}

function AssignmentLine({ a, extra }: { a: DashboardAssignment; extra?: React.ReactNode }) {
  const { t } = useLocale();
  return (
    <li className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2">
      <div className="min-w-0">
        <Link to={missionPath(a.mission_id)} className="font-medium text-primary underline-offset-4 hover:underline">
          {a.mission}
        </Link>
        <p className="text-sm">
          {t('dashboard_assignment_who', { user: a.user, role: a.role })}
          {a.reserve ? `${t('separator')}${t('dashboard_reserve')}` : ''}
        </p>
        <MissionTimes startsAt={a.starts_at} endsAt={a.ends_at} timeZone={a.timezone} className="text-sm text-muted-foreground" />
      </div>
      {extra}
    </li>
  );
}

/**
 * What needs a manager today, each block linking to the screen that resolves it: missions
 * of the next 7 days with open places, invitations waiting (oldest first), declines and
 * undelivered links of the last 24 h, conflicts, and the hours of this week against the last.
 */
export function ManagerDashboard({ data, now, timeZone }: { data: DashboardManager; now: string; timeZone: string }) {
  const { t } = useLocale();
  const { formatDuration, formatDay, formatDateTime } = useDates();
  const ageText = useAgeText();
  const more = (count: number) => t('dashboard_more', { count });
  const delta = weekDelta(data.this_week.planned_minutes, data.last_week.planned_minutes);
  const missing = data.missing_people;
  const pending = data.pending_invitations;
  const declines = data.recent_declines;
  const failed = data.failed_deliveries;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <DashboardSection
        title={t('dashboard_missing_title')}
        count={missing.total}
        className="lg:col-span-2"
        action={
          <Link to={`/planning?date=${dayInZone(now, timeZone)}`} className={linkClass}>
            {t('dashboard_open_planning')}
          </Link>
        }
      >
        {missing.items.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('dashboard_missing_none')}</p>
        ) : (
          <ul className="divide-y divide-border">
            {missing.items.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-2">
                <div className="min-w-0">
                  <Link to={missionPath(m.id)} className="font-medium text-primary underline-offset-4 hover:underline">
                    {m.title}
                  </Link>
                  <p className="text-sm text-muted-foreground">
                    {m.project}
                    {m.place ? `${t('separator')}${m.place}` : ''}
                  </p>
                  <MissionTimes startsAt={m.starts_at} endsAt={m.ends_at} timeZone={m.timezone} className="text-sm" />
                </div>
                <div className="flex flex-wrap items-center gap-3">
                  <Badge variant="warning">{t('dashboard_open_places', { count: m.open })}</Badge>
                  <span className="text-sm">{t('dashboard_fill', { accepted: m.accepted, quota: m.quota })}</span>
                  {m.pending ? <span className="text-sm text-muted-foreground">{t('dashboard_pending_count', { count: m.pending })}</span> : null}
                  <Link to={planningPath(m.id, m.starts_at, m.timezone)} className={linkClass} aria-label={t('dashboard_open_in_planning', { title: m.title })}>
                    {t('dashboard_planning_link')}
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        )}
        <MoreLine shown={missing.items.length} total={missing.total} label={more} />
      </DashboardSection>

      <DashboardSection title={t('dashboard_pending_title')} count={pending.total}>
        {pending.items.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('dashboard_pending_none')}</p>
        ) : (
          <ul className="divide-y divide-border">
            {pending.items.map((a) => (
              <AssignmentLine
                key={a.id}
                a={a}
                extra={<Badge variant="info">{t('dashboard_waiting_since', { age: ageText(a.invited_at, now) })}</Badge>}
              />
            ))}
          </ul>
        )}
        <MoreLine shown={pending.items.length} total={pending.total} label={more} />
      </DashboardSection>

      <DashboardSection title={t('dashboard_declines_title')} count={declines.total}>
        {declines.items.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('dashboard_declines_none')}</p>
        ) : (
          <ul className="divide-y divide-border">
            {declines.items.map((a) => (
              <AssignmentLine
                key={a.id}
                a={a}
                extra={
                  <div className="text-right text-sm">
                    <Badge variant="danger">{t('dashboard_declined_at', { when: a.answered_at ? formatDateTime(a.answered_at) : '' })}</Badge>
                    {a.decline_reason ? <p className="mt-1 italic">{a.decline_reason}</p> : null}
                  </div>
                }
              />
            ))}
          </ul>
        )}
        <MoreLine shown={declines.items.length} total={declines.total} label={more} />
      </DashboardSection>

      <DashboardSection title={t('dashboard_failed_title')} count={failed.total}>
        {failed.items.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('dashboard_failed_none')}</p>
        ) : (
          <ul className="divide-y divide-border">
            {failed.items.map((d) => (
              <AssignmentLine
                key={d.invitation_id}
                a={d.assignment}
                extra={<Badge variant="danger">{t(d.status === 'no_channel' ? 'dashboard_delivery_no_channel' : 'dashboard_delivery_failed')}</Badge>}
              />
            ))}
          </ul>
        )}
        <MoreLine shown={failed.items.length} total={failed.total} label={more} />
      </DashboardSection>

      <DashboardSection
        title={t('dashboard_conflicts_title')}
        count={data.conflicts.total}
        action={
          <Link to="/conflicts" className={linkClass}>
            {t('dashboard_open_conflicts')}
          </Link>
        }
      >
        <p className="text-sm">
          {t('dashboard_conflicts_text', { count: data.conflicts.total, from: formatDay(data.conflicts.from), to: formatDay(data.conflicts.to) })}
        </p>
      </DashboardSection>

      <DashboardSection
        title={t('dashboard_hours_title')}
        className="lg:col-span-2"
        action={
          <Link to={`/planning?date=${data.this_week.starts_on}`} className={linkClass}>
            {t('dashboard_open_week')}
          </Link>
        }
      >
        <dl className="grid gap-4 sm:grid-cols-3">
          <div>
            <dt className="text-sm text-muted-foreground">{t('dashboard_this_week', { day: formatDay(data.this_week.starts_on) })}</dt>
            <dd className="text-2xl font-semibold" data-testid="hours-this-week">{formatDuration(data.this_week.planned_minutes)}</dd>
            <dd className="text-sm">{t('dashboard_hours_accepted', { hours: formatDuration(data.this_week.accepted_minutes) })}</dd>
          </div>
          <div>
            <dt className="text-sm text-muted-foreground">{t('dashboard_last_week', { day: formatDay(data.last_week.starts_on) })}</dt>
            <dd className="text-2xl font-semibold" data-testid="hours-last-week">{formatDuration(data.last_week.planned_minutes)}</dd>
            <dd className="text-sm">{t('dashboard_hours_accepted', { hours: formatDuration(data.last_week.accepted_minutes) })}</dd>
          </div>
          <div>
            <dt className="text-sm text-muted-foreground">{t('dashboard_hours_delta')}</dt>
            <dd className="text-2xl font-semibold">
              {delta.sign === 'same' ? t('dashboard_delta_same') : t(`dashboard_delta_${delta.sign}`, { hours: formatDuration(delta.minutes) })}
            </dd>
          </div>
        </dl>
      </DashboardSection>
    </div>
  );
}

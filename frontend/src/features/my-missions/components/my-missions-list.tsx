import { useState, type ReactNode } from 'react';

import { AssignmentStatusBadge } from '@/components/assignment-status-badge/assignment-status-badge';
import { MissionTimes } from '@/components/mission-times/mission-times';
import { Alert } from '@/components/ui/alert/alert';
import { Badge } from '@/components/ui/badge/badge';
import { Button } from '@/components/ui/button/button';
import { EmptyState } from '@/components/ui/empty-state/empty-state';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useOnline } from '@/hooks/use-online';
import { useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import { reserveBadge } from '@/lib/reserves';
import { useAnswerMyAssignment } from '@/features/my-missions/api/answer-my-assignment';
import { useMissionsById } from '@/features/my-missions/api/get-mission';
import { useMyAssignments, type Assignment } from '@/features/my-missions/api/list-my-assignments';
import { DeclineDialog } from '@/features/my-missions/components/decline-dialog';
import { hourTotals, SECTION_ORDER, splitSections } from '@/features/my-missions/utils/sections';

/**
 * The signed-in account's assignments: invitations waiting for an answer first
 * (with Accept / Decline), then upcoming, past, declined or cancelled ones, and the
 * hours accepted this week and this month. A reserve (beyond the role's quota) is
 * labelled as such, with its place in line once it accepted.
 */
export interface MyMissionsListProps {
  /** Extra controls under an upcoming ACCEPTED mission that holds a place (the route
   * passes the swap button: features do not import each other). */
  renderAcceptedActions?: (assignment: Assignment, title: string, notify: (message: string) => void) => ReactNode;
}

export function MyMissionsList({ renderAcceptedActions }: MyMissionsListProps = {}) {
  const { t, tError } = useLocale();
  const { timeZone, formatDate, formatDateTime, formatTime, formatDuration } = useDates();
  const online = useOnline();
  const assignments = useMyAssignments();
  const missions = useMissionsById((assignments.data?.items ?? []).map((a) => a.mission_id));
  const answer = useAnswerMyAssignment();
  const [declining, setDeclining] = useState<Assignment | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // What is past or coming is judged once per visit (offline, the list may be days old).
  const [mountedAt] = useState(() => Date.now());

  if (assignments.isPending) return <Spinner label={t('my_missions_loading')} />;
  // A failed refresh keeps the list it had (the last sync): only an empty start is an error.
  if (assignments.isError && !assignments.data) {
    return <ErrorState error={assignments.error} onRetry={() => void assignments.refetch()} />;
  }
  if (assignments.data.items.length === 0) {
    return <EmptyState title={t('my_missions_empty')} description={t('my_missions_empty_hint')} />;
  }

  const now = mountedAt;
  const sections = splitSections(assignments.data.items, now);
  const totals = hourTotals(assignments.data.items, now, timeZone);
  const titleOf = (a: Assignment) => missions.get(a.mission_id)?.title ?? t('my_missions_mission_n', { id: a.mission_id });

  return (
    <div className="space-y-8">
      {answer.isError && !declining ? <Alert variant="danger">{tError(answer.error)}</Alert> : null}
      {assignments.isError && online ? <Alert variant="danger">{tError(assignments.error)}</Alert> : null}
      {done ? <Alert variant="success">{done}</Alert> : null}
      {!online ? (
        <Alert variant="warning">{t('my_missions_offline', { date: formatDateTime(assignments.dataUpdatedAt) })}</Alert>
      ) : null}
      <section aria-labelledby="my-missions-hours">
        <h2 id="my-missions-hours" className="sr-only">
          {t('my_missions_hours_title')}
        </h2>
        <dl className="grid grid-cols-2 gap-3">
          <div className="rounded-lg border border-border bg-surface p-4">
            <dt className="text-sm text-muted-foreground">{t('my_missions_hours_week')}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{totals.weekMinutes ? formatDuration(totals.weekMinutes) : t('duration_hours', { hours: 0 })}</dd>
          </div>
          <div className="rounded-lg border border-border bg-surface p-4">
            <dt className="text-sm text-muted-foreground">{t('my_missions_hours_month')}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{totals.monthMinutes ? formatDuration(totals.monthMinutes) : t('duration_hours', { hours: 0 })}</dd>
          </div>
        </dl>
      </section>
      {SECTION_ORDER.filter((section) => sections[section].length > 0).map((section) => (
        <section key={section} aria-labelledby={`my-missions-${section}`} className="space-y-3">
          <h2 id={`my-missions-${section}`} className="text-lg font-semibold">
            {t(`my_missions_section_${section}`)}{' '}
            <span className="text-sm font-normal text-muted-foreground">({sections[section].length})</span>
          </h2>
          <ul className="space-y-3">
            {sections[section].map((assignment) => {
              const status = assignment.status;
              const answerable = section === 'pending';
              const mission = missions.get(assignment.mission_id);
              const title = titleOf(assignment);
              const active = status === 'INVITED' || status === 'ACCEPTED';
              const badge = active ? reserveBadge(assignment) : null;
              return (
                <li key={assignment.id} className="rounded-lg border border-border bg-surface p-4 shadow-sm">
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <div className="space-y-1">
                      <h3 className="font-medium">{title}</h3>
                      <p className="text-sm text-muted-foreground">
                        {mission && mission.timezone !== timeZone ? (
                          <MissionTimes startsAt={assignment.starts_at} endsAt={assignment.ends_at} timeZone={mission.timezone} />
                        ) : (
                          t('my_missions_when', {
                            date: formatDate(assignment.starts_at),
                            start: formatTime(assignment.starts_at),
                            end: formatTime(assignment.ends_at),
                          })
                        )}
                        {mission?.place ? ` \u00b7 ${mission.place}` : ''}
                      </p>
                      <p className="text-sm">
                        {t('my_missions_role', { role: assignment.role_name })}
                      </p>
                      {badge && status === 'INVITED' ? (
                        <p className="text-sm text-warning">{t('my_missions_reserve_invited')}</p>
                      ) : null}
                      {badge && status === 'ACCEPTED' ? (
                        <p className="text-sm text-warning">
                          {t('my_missions_reserve_waiting', { position: assignment.reserve_position ?? '-' })}
                        </p>
                      ) : null}
                      {assignment.decline_reason ? (
                        <p className="text-sm text-muted-foreground">
                          {t('my_missions_reason', { reason: assignment.decline_reason })}
                        </p>
                      ) : null}
                    </div>
                    <span className="flex flex-wrap items-center gap-1">
                      <AssignmentStatusBadge status={status} />
                      {badge ? <Badge variant="warning">{t(...badge)}</Badge> : null}
                    </span>
                  </div>
                  {answerable ? (
                    <div className="mt-3 flex flex-wrap gap-2">
                      <Button
                        size="sm"
                        aria-label={t('my_missions_accept_of', { title })}
                        disabled={!online}
                        loading={answer.isPending && answer.variables?.assignmentId === assignment.id && answer.variables.accept}
                        onClick={() => {
                          setDone(null);
                          answer.mutate(
                            { assignmentId: assignment.id, accept: true },
                            {
                              onSuccess: (result) =>
                                setDone(t(result.reserve ? 'my_missions_accepted_reserve' : 'my_missions_accepted', { title })),
                            },
                          );
                        }}
                      >
                        {t('action_accept')}
                      </Button>
                      <Button
                        size="sm"
                        variant="secondary"
                        aria-label={t('my_missions_decline_of', { title })}
                        disabled={!online}
                        onClick={() => {
                          answer.reset();
                          setDone(null);
                          setDeclining(assignment);
                        }}
                      >
                        {t('action_decline')}
                      </Button>
                    </div>
                  ) : null}
                  {renderAcceptedActions && status === 'ACCEPTED' && !assignment.reserve && Date.parse(assignment.starts_at) > now ? (
                    <div className="mt-3 flex flex-wrap gap-2">
                      {renderAcceptedActions(assignment, title, (message) => setDone(message))}
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      <DeclineDialog
        open={declining !== null}
        missionTitle={declining ? titleOf(declining) : ''}
        loading={answer.isPending}
        error={answer.isError && declining ? tError(answer.error) : undefined}
        onCancel={() => setDeclining(null)}
        onConfirm={(reason) => {
          if (!declining) return;
          const title = titleOf(declining);
          answer.mutate(
            { assignmentId: declining.id, accept: false, reason },
            {
              onSuccess: () => {
                setDeclining(null);
                setDone(t('my_missions_declined', { title }));
              },
            },
          );
        }}
      />
    </div>
  );
}

import { Link } from 'react-router';

import { MissionTimes } from '@/components/mission-times/mission-times';
import { Alert } from '@/components/ui/alert/alert';
import { Badge } from '@/components/ui/badge/badge';
import { Button } from '@/components/ui/button/button';
import { useLocale } from '@/lib/i18n/use-locale';
import type { Dashboard, DashboardAssignment } from '@/features/dashboard/api/get-dashboard';
import { useAnswerAssignment } from '@/features/dashboard/api/answer-assignment';
import { DashboardSection, MoreLine, linkClass } from '@/features/dashboard/components/dashboard-section';

function Where({ a }: { a: DashboardAssignment }) {
  const { t } = useLocale();
  return (
    <div className="min-w-0">
      <p className="font-medium">{a.mission}</p>
      <p className="text-sm text-muted-foreground">
        {a.role}
        {a.place ? `${t('separator')}${a.place}` : ''}
        {a.reserve ? `${t('separator')}${t('dashboard_reserve')}` : ''}
      </p>
      <MissionTimes startsAt={a.starts_at} endsAt={a.ends_at} timeZone={a.timezone} className="text-sm" />
    </div>
  );
}

/**
 * The caller's own next missions and the invitations waiting for their answer, answered
 * from here (accept at once; decline through `onDecline`, which asks for a reason).
 */
export function TechDashboard({
  mine,
  onDecline,
  notice,
}: {
  mine: Dashboard['mine'];
  onDecline: (assignment: DashboardAssignment) => void;
  notice?: string | null;
}) {
  const { t, tError } = useLocale();
  const answer = useAnswerAssignment();
  const more = (count: number) => t('dashboard_more', { count });
  const pending = mine.pending_answers;
  const next = mine.next_missions;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <DashboardSection
        title={t('dashboard_answers_title')}
        count={pending.total}
        action={
          <Link to="/my-missions" className={linkClass}>
            {t('dashboard_open_my_missions')}
          </Link>
        }
      >
        {answer.error ? <Alert variant="danger">{tError(answer.error)}</Alert> : null}
        {notice ? <Alert variant="success">{notice}</Alert> : null}
        {pending.items.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('dashboard_answers_none')}</p>
        ) : (
          <ul className="divide-y divide-border">
            {pending.items.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
                <Where a={a} />
                <div className="flex gap-2">
                  <Button
                    size="sm"
                    aria-label={t('my_missions_accept_of', { title: a.mission })}
                    loading={answer.isPending && answer.variables?.assignmentId === a.id}
                    disabled={answer.isPending}
                    onClick={() => answer.mutate({ assignmentId: a.id, accept: true })}
                  >
                    {t('action_accept')}
                  </Button>
                  <Button
                    size="sm"
                    variant="secondary"
                    aria-label={t('my_missions_decline_of', { title: a.mission })}
                    disabled={answer.isPending}
                    onClick={() => onDecline(a)}
                  >
                    {t('action_decline')}
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        )}
        <MoreLine shown={pending.items.length} total={pending.total} label={more} />
      </DashboardSection>
      <DashboardSection
        title={t('dashboard_next_title')}
        count={next.total}
        action={
          <Link to="/my-missions" className={linkClass}>
            {t('dashboard_open_my_missions')}
          </Link>
        }
      >
        {next.items.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('dashboard_next_none')}</p>
        ) : (
          <ul className="divide-y divide-border">
            {next.items.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
                <Where a={a} />
                <Badge variant="success">{t('dashboard_accepted')}</Badge>
              </li>
            ))}
          </ul>
        )}
        <MoreLine shown={next.items.length} total={next.total} label={more} />
      </DashboardSection>
    </div>
  );
}

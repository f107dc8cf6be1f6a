import { useState } from 'react';

import { useSession } from '@/app/session-context';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { can } from '@/lib/actions';
import { useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import { roleKey } from '@/lib/roles';
import { useAnswerAssignment } from '@/features/dashboard/api/answer-assignment';
import { useDashboard, type DashboardAssignment } from '@/features/dashboard/api/get-dashboard';
import { ManagerDashboard } from '@/features/dashboard/components/manager-dashboard';
import { TechDashboard } from '@/features/dashboard/components/tech-dashboard';
import { DeclineDialog } from '@/features/my-missions/components/decline-dialog';
import { PluginWidgetSlot } from '@/features/plugins/components/plugin-widgets';

/**
 * The home dashboard: a manager lands on what needs them (open places, waiting
 * invitations, declines, undelivered links, conflicts, week hours), everyone on their own
 * next missions and pending answers (a tech only on those). One read: GET /dashboard;
 * then the enabled plugins' dashboard widgets (`PluginWidget(slot="dashboard")`).
 */
export function HomeRoute() {
  const { t, tError } = useLocale();
  const { formatZone } = useDates();
  const { me, org } = useSession();
  useDocumentTitle(t('nav_home'));
  const dashboard = useDashboard();
  const answer = useAnswerAssignment();
  const [declining, setDeclining] = useState<DashboardAssignment | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const name = me.account.first_name || me.account.email;
  const manages = can(me.actions, 'assignments.manage');
  const data = dashboard.data;
  const mine = data?.mine;
  const hasMine = !!mine && (mine.next_missions.total > 0 || mine.pending_answers.total > 0);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('home_title', { name })}</h1>
        <p className="mt-1 text-muted-foreground">
          {t('home_subtitle', { org: org.name, role: t(roleKey(org.role)), zone: formatZone(org.timezone) })}
        </p>
      </div>
      {dashboard.isPending ? <Spinner label={t('dashboard_loading')} /> : null}
      {dashboard.isError ? <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} /> : null}
      {data?.manager ? <ManagerDashboard data={data.manager} now={data.generated_at} timeZone={data.timezone} /> : null}
      {/* The enabled plugins' dashboard cards (DPAE reminders...), by the member's role. */}
      <PluginWidgetSlot slot="dashboard" className="grid gap-4 md:grid-cols-2" />
      {mine && (!manages || hasMine) ? (
        <div className="space-y-3">
          {manages ? <h2 className="text-xl font-semibold">{t('dashboard_mine_title')}</h2> : null}
          <TechDashboard
            mine={mine}
            notice={notice}
            onDecline={(a) => {
              setNotice(null);
              answer.reset();
              setDeclining(a);
            }}
          />
        </div>
      ) : null}
      <DeclineDialog
        open={declining !== null}
        missionTitle={declining?.mission ?? ''}
        loading={answer.isPending}
        error={answer.error ? tError(answer.error) : undefined}
        onCancel={() => setDeclining(null)}
        onConfirm={(reason) => {
          if (!declining) return;
          const title = declining.mission;
          answer.mutate(
            { assignmentId: declining.id, accept: false, reason },
            {
              onSuccess: () => {
                setDeclining(null);
                setNotice(t('dashboard_declined_notice', { title }));
              },
            },
          );
        }}
      />
    </div>
  );
}

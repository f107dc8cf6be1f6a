import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';

import { useSession } from '@/app/session-context';
import { Alert } from '@/components/ui/alert/alert';
import { Badge } from '@/components/ui/badge/badge';
import { Button } from '@/components/ui/button/button';
import { Card } from '@/components/ui/card/card';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { can } from '@/lib/actions';
import { useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import { CalendarFeedPanel } from '@/features/calendar-feeds/components/calendar-feed-panel';
import { useCrewUsers } from '@/features/planning/api/list-users';
import { useProject } from '@/features/projects/api/get-project';
import { ProjectEditForm } from '@/features/projects/components/project-edit-form';
import { ProjectMissionsTable } from '@/features/projects/components/project-missions-table';
import { FillRate, PROJECT_STATUS_BADGE, projectStatusKey } from '@/features/projects/components/projects-table';

const linkClass = 'text-sm font-medium text-primary underline-offset-4 hover:underline';

export function ProjectDetailRoute() {
  const { t } = useLocale();
  const { formatDay } = useDates();
  const { me } = useSession();
  const { projectId } = useParams();
  const id = Number(projectId);
  const location = useLocation();
  const project = useProject(id);
  const crew = useCrewUsers();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  useDocumentTitle(project.data?.name ?? t('projects_title'));

  if (project.isPending) return <Spinner label={t('projects_loading')} />;
  if (project.isError) return <ErrorState error={project.error} onRetry={() => void project.refetch()} />;
  const p = project.data;
  const users = (crew.data?.items ?? []).map((u) => ({ id: u.id, name: `${u.first_name} ${u.last_name}` }));
  const planningLink = `/planning?project=${p.id}&view=timeGridWeek${p.starts_on ? `&date=${p.starts_on}` : ''}`;
  return (
    <div className="space-y-6">
      <Link to="/projects" className={linkClass}>
        {t('projects_back')}
      </Link>
      {(location.state as { created?: boolean } | null)?.created ? (
        <Alert variant="success">{t('projects_created', { name: p.name, count: p.mission_count })}</Alert>
      ) : null}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold">{p.name}</h1>
          <p className="text-muted-foreground">{p.description}</p>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <Badge variant={PROJECT_STATUS_BADGE[p.status as keyof typeof PROJECT_STATUS_BADGE] ?? 'neutral'}>
              {t(projectStatusKey(p.status))}
            </Badge>
            <span>
              {p.starts_on ? formatDay(p.starts_on) : '...'} - {p.ends_on ? formatDay(p.ends_on) : '...'}
            </span>
            <span>{t('projects_mission_count', { count: p.mission_count })}</span>
            <FillRate rate={p.fill_rate} accepted={p.accepted} quota={p.quota_total} />
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          {can(me.actions, 'projects.manage') && !editing ? (
            <Button variant="secondary" size="sm" onClick={() => { setSaved(false); setEditing(true); }}>
              {t('projects_edit')}
            </Button>
          ) : null}
          <Link to={planningLink} className={linkClass}>
            {t('projects_open_planning')}
          </Link>
        </div>
      </div>
      {saved ? <Alert variant="success">{t('projects_edit_saved')}</Alert> : null}
      {editing ? (
        <Card>
          <h2 className="mb-4 text-lg font-semibold">{t('projects_edit_title')}</h2>
          <ProjectEditForm
            project={p}
            onDone={() => {
              setEditing(false);
              setSaved(true);
            }}
          />
        </Card>
      ) : null}
      <h2 className="text-lg font-semibold">{t('projects_missions_title')}</h2>
      <ProjectMissionsTable
        projectId={p.id}
        users={users}
        canManageMissions={can(me.actions, 'missions.manage')}
        canInvite={can(me.actions, 'assignments.manage')}
      />
      {can(me.actions, 'calendar_feeds.manage') ? <CalendarFeedPanel target={{ kind: 'project', id: p.id }} /> : null}
    </div>
  );
}

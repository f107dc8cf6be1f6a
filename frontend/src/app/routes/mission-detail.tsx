import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';

import { useSession } from '@/app/session-context';
import { MissionTimes } from '@/components/mission-times/mission-times';
import { Alert } from '@/components/ui/alert/alert';
import { Badge } from '@/components/ui/badge/badge';
import { Card } from '@/components/ui/card/card';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { can } from '@/lib/actions';
import { dayInZone, useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import { PlacePicker } from '@/features/places/components/place-picker';
import { useCrewUsers } from '@/features/planning/api/list-users';
import { useMission } from '@/features/projects/api/get-mission';
import { projectQueryOptions } from '@/features/projects/api/get-project';
import { MissionAssignmentsPanel } from '@/features/projects/components/mission-assignments-panel';
import { MissionDuplicateForm } from '@/features/projects/components/mission-duplicate-form';
import { MissionForm } from '@/features/projects/components/mission-form';
import { MissionOpenShiftsPanel } from '@/features/open-shifts/components/mission-open-shifts-panel';
import { MissionRolesEditor } from '@/features/projects/components/mission-roles-editor';

const linkClass = 'text-sm font-medium text-primary underline-offset-4 hover:underline';

/** /missions/:id: a mission's times, place, notes, roles and assignments, edited in place. */
export function MissionDetailRoute() {
  const { t } = useLocale();
  const { timeZone } = useDates();
  const { me } = useSession();
  const id = Number(useParams().missionId);
  const mission = useMission(id);
  const projectId = mission.data?.project_id ?? 0;
  const project = useQuery({ ...projectQueryOptions(projectId), enabled: projectId > 0 });
  const crew = useCrewUsers();
  const [saved, setSaved] = useState(false);
  useDocumentTitle(mission.data?.title ?? t('mission_title'));

  if (mission.isPending) return <Spinner label={t('mission_loading')} />;
  if (mission.isError) return <ErrorState error={mission.error} onRetry={() => void mission.refetch()} />;
  const m = mission.data;
  const canEdit = can(me.actions, 'missions.manage');
  const users = (crew.data?.items ?? []).map((u) => ({ id: u.id, name: `${u.first_name} ${u.last_name}` }));
  const day = dayInZone(m.starts_at, m.timezone || timeZone);
  return (
    <div className="space-y-6">
      <Link to={`/projects/${m.project_id}`} className={linkClass}>
        {t('mission_back', { project: project.data?.name ?? t('projects_title') })}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold">{m.title}</h1>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <Badge variant={m.status === 'PUBLISHED' ? 'success' : 'neutral'}>
              {t(m.status === 'PUBLISHED' ? 'projects_mission_published' : 'projects_mission_draft')}
            </Badge>
            <MissionTimes startsAt={m.starts_at} endsAt={m.ends_at} timeZone={m.timezone} />
            {m.place ? <span>{m.place}</span> : null}
          </div>
        </div>
        <Link to={`/planning?date=${day}&mission=${m.id}`} className={linkClass}>
          {t('projects_open_planning')}
        </Link>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-4 text-lg font-semibold">{t('mission_details_title')}</h2>
          {/* a new key after each save: the form restarts from what the API says */}
          {saved ? (
            <Alert variant="success" className="mb-4">
              {t('mission_form_saved')}
            </Alert>
          ) : null}
          <MissionForm
            key={m.updated_at}
            mission={m}
            canEdit={canEdit}
            placePicker={(control) => <PlacePicker {...control} />}
            onSaved={() => setSaved(true)}
          />
        </Card>
        <Card>
          <h2 className="mb-4 text-lg font-semibold">{t('mission_roles_title')}</h2>
          <MissionRolesEditor mission={m} canEdit={canEdit} />
        </Card>
      </div>
      <Card>
        <h2 className="mb-4 text-lg font-semibold">{t('planning_assignments')}</h2>
        <MissionAssignmentsPanel mission={m} users={users} canManage={can(me.actions, 'assignments.manage')} />
      </Card>
      {can(me.actions, 'assignments.manage') && m.roles.length > 0 ? (
        <Card>
          <h2 className="mb-4 text-lg font-semibold">{t('open_shifts_panel_title')}</h2>
          <MissionOpenShiftsPanel missionId={m.id} roles={m.roles} />
        </Card>
      ) : null}
      {canEdit ? (
        <Card>
          <h2 className="mb-4 text-lg font-semibold">{t('mission_duplicate_title')}</h2>
          <MissionDuplicateForm missionId={m.id} />
        </Card>
      ) : null}
    </div>
  );
}

import { Link } from 'react-router';

import { useSession } from '@/app/session-context';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/lib/i18n/use-locale';
import { RequireAction } from '@/features/auth/components/require-action';
import { usePlaces } from '@/features/places/api/list-places';
import { useProjects } from '@/features/projects/api/list-projects';
import { MissionTemplatesManager } from '@/features/mission-templates/components/mission-templates-manager';

const linkClass = 'text-sm font-medium text-primary underline-offset-4 hover:underline';

export function MissionTemplatesRoute() {
  const { me } = useSession();
  return (
    <RequireAction actions={me.actions} action="missions.manage">
      <MissionTemplates />
    </RequireAction>
  );
}

/** The templates page: the org's projects (not archived) and places feed its apply form. */
function MissionTemplates() {
  const { t } = useLocale();
  useDocumentTitle(t('templates_title'));
  const projects = useProjects();
  const places = usePlaces();
  const open = (projects.data?.items ?? []).filter((p) => p.status !== 'ARCHIVED');
  return (
    <div className="space-y-6">
      <Link to="/projects" className={linkClass}>
        {t('projects_back')}
      </Link>
      <div>
        <h1 className="text-2xl font-semibold">{t('templates_title')}</h1>
        <p className="mt-1 text-muted-foreground">{t('templates_subtitle')}</p>
      </div>
      <MissionTemplatesManager
        projects={open.map((p) => ({ id: p.id, name: p.name, starts_on: p.starts_on ?? null, ends_on: p.ends_on ?? null }))}
        places={(places.data?.items ?? []).map((p) => ({ id: p.id, name: p.name }))}
      />
    </div>
  );
}

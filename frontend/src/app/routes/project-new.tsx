import { useNavigate } from 'react-router';

import { useSession } from '@/app/session-context';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { can } from '@/lib/actions';
import { useLocale } from '@/lib/i18n/use-locale';
import { RequireAction } from '@/features/auth/components/require-action';
import { PlacePicker } from '@/features/places/components/place-picker';
import { ProjectWizard } from '@/features/projects/components/project-wizard';
import { TemplateTools } from '@/features/mission-templates/components/template-tools';

export function ProjectNewRoute() {
  const { me } = useSession();
  return (
    <RequireAction actions={me.actions} action="projects.manage">
      <ProjectNew />
    </RequireAction>
  );
}

function ProjectNew() {
  const { t } = useLocale();
  const { me } = useSession();
  const navigate = useNavigate();
  useDocumentTitle(t('projects_new'));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('projects_new')}</h1>
        <p className="mt-1 text-muted-foreground">{t('projects_wizard_hint')}</p>
      </div>
      <ProjectWizard
        onDone={(project) => navigate(`/projects/${project.id}`, { state: { created: true } })}
        placePicker={(control) => <PlacePicker {...control} />}
        templateTools={can(me.actions, 'missions.manage') ? (control) => <TemplateTools {...control} /> : undefined}
      />
    </div>
  );
}

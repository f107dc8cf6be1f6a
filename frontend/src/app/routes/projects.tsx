import { Link } from 'react-router';

import { useSession } from '@/app/session-context';
import { buttonVariants } from '@/components/ui/button/button';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/lib/i18n/use-locale';
import { can } from '@/lib/actions';
import { useMembers } from '@/features/members/api/list-members';
import { ProjectsTable } from '@/features/projects/components/projects-table';

export function ProjectsRoute() {
  const { t } = useLocale();
  const { me } = useSession();
  useDocumentTitle(t('projects_title'));
  const members = useMembers();
  const managerName = (accountId: number) => {
    const m = members.data?.find((x) => x.account_id === accountId);
    return (m && ([m.first_name, m.last_name].filter(Boolean).join(' ') || m.email)) || `#${accountId}`;
  };
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t('projects_title')}</h1>
          <p className="mt-1 text-muted-foreground">{t('projects_subtitle')}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          {can(me.actions, 'missions.manage') ? (
            <Link to="/projects/templates" className={buttonVariants({ variant: 'secondary' })}>
              {t('templates_title')}
            </Link>
          ) : null}
          {can(me.actions, 'projects.manage') ? (
            <Link to="/projects/new" className={buttonVariants()}>
              {t('projects_new')}
            </Link>
          ) : null}
        </div>
      </div>
      <ProjectsTable managerName={managerName} />
    </div>
  );
}

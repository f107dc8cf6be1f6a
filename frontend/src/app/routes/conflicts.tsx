import { useSession } from '@/app/session-context';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { dayInZone, useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import { RequireAction } from '@/features/auth/components/require-action';
import { ConflictsList } from '@/features/conflicts/components/conflicts-list';
import { conflictPeriod } from '@/features/conflicts/utils/period';
import { useProjects } from '@/features/projects/api/list-projects';

export function ConflictsRoute() {
  const { me } = useSession();
  return (
    <RequireAction actions={me.actions} action="conflicts.read">
      <Conflicts />
    </RequireAction>
  );
}

function Conflicts() {
  const { t } = useLocale();
  const { timeZone } = useDates();
  const projects = useProjects();
  useDocumentTitle(t('conflicts_title'));
  // The page opens on the current (or next) project's period; without projects, the next 30 days.
  const period = projects.isPending ? null : conflictPeriod(projects.data?.items ?? [], dayInZone(new Date(), timeZone));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('conflicts_title')}</h1>
        <p className="mt-1 text-muted-foreground">{t('conflicts_subtitle')}</p>
      </div>
      {period ? (
        <ConflictsList
          initialFrom={period.from}
          initialTo={period.to}
          periodNote={period.project ? t('conflicts_period_project', { name: period.project }) : undefined}
        />
      ) : (
        <Spinner label={t('conflicts_loading')} />
      )}
    </div>
  );
}

import { useSession } from '@/app/session-context';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/lib/i18n/use-locale';
import { RequireAction } from '@/features/auth/components/require-action';
import { ConflictsList } from '@/features/conflicts/components/conflicts-list';

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
  useDocumentTitle(t('conflicts_title'));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('conflicts_title')}</h1>
        <p className="mt-1 text-muted-foreground">{t('conflicts_subtitle')}</p>
      </div>
      <ConflictsList />
    </div>
  );
}

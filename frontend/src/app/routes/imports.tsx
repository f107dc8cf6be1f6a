import { useSession } from '@/app/session-context';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/lib/i18n/use-locale';
import { RequireAction } from '@/features/auth/components/require-action';
import { ImportWizard } from '@/features/imports/components/import-wizard';

export function ImportsRoute() {
  const { me } = useSession();
  return (
    <RequireAction actions={me.actions} action="users.manage">
      <Imports />
    </RequireAction>
  );
}

/** The import page: people or missions from a CSV/XLSX file (managers). */
function Imports() {
  const { t } = useLocale();
  useDocumentTitle(t('import_title'));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('import_title')}</h1>
        <p className="mt-1 text-muted-foreground">{t('import_subtitle')}</p>
      </div>
      <ImportWizard />
    </div>
  );
}

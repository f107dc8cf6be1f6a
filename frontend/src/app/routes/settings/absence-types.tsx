import { useSession } from '@/app/session-context';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/lib/i18n/use-locale';
import { RequireAction } from '@/features/auth/components/require-action';
import { AbsenceTypesManager } from '@/features/availability/components/absence-types-manager';

/** The org's absence types, for managers (the menu hides it from techs). */
export function AbsenceTypesRoute() {
  const { t } = useLocale();
  const { me } = useSession();
  useDocumentTitle(t('absence_types_title'));
  return (
    <RequireAction actions={me.actions} action="absence_types.manage">
      <div className="space-y-6">
        <div>
          <h1 className="text-2xl font-semibold">{t('absence_types_title')}</h1>
          <p className="mt-1 text-muted-foreground">{t('absence_types_subtitle')}</p>
        </div>
        <AbsenceTypesManager />
      </div>
    </RequireAction>
  );
}

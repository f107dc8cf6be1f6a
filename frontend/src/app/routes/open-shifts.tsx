import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/lib/i18n/use-locale';
import { OpenShiftsList } from '@/features/open-shifts/components/open-shifts-list';

/** /open-shifts ("Ouverts"): the open places a tech may apply to. */
export function OpenShiftsRoute() {
  const { t } = useLocale();
  useDocumentTitle(t('open_shifts_title'));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('open_shifts_title')}</h1>
        <p className="mt-1 text-muted-foreground">{t('open_shifts_subtitle')}</p>
      </div>
      <OpenShiftsList />
    </div>
  );
}

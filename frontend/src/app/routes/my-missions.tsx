import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/lib/i18n/use-locale';
import { MyMissionsList } from '@/features/my-missions/components/my-missions-list';

export function MyMissionsRoute() {
  const { t } = useLocale();
  useDocumentTitle(t('my_missions_title'));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('my_missions_title')}</h1>
        <p className="mt-1 text-muted-foreground">{t('my_missions_subtitle')}</p>
      </div>
      <MyMissionsList />
    </div>
  );
}

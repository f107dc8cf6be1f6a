import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card/card';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/lib/i18n/use-locale';
import { RetentionForm } from '@/features/retention/components/retention-form';

/** Org settings: how long personal data is kept (docs/rgpd.md). */
export function PrivacyRoute() {
  const { t } = useLocale();
  useDocumentTitle(t('privacy_retention_title'));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t('privacy_retention_title')}</h1>
      <Card>
        <CardHeader>
          <CardTitle>{t('privacy_retention_periods')}</CardTitle>
          <CardDescription>{t('privacy_retention_hint')}</CardDescription>
        </CardHeader>
        <RetentionForm />
      </Card>
    </div>
  );
}

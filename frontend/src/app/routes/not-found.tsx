import { Link } from 'react-router';

import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/lib/i18n/use-locale';

export function NotFoundRoute() {
  const { t } = useLocale();
  useDocumentTitle(t('not_found_title'));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('not_found_title')}</h1>
      <p className="text-muted-foreground">{t('not_found_hint')}</p>
      <Link to="/" className="font-medium text-primary underline-offset-4 hover:underline">
        {t('nav_home')}
      </Link>
    </div>
  );
}

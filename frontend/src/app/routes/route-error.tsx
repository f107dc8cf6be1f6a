import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

import { useLocale } from '@/lib/i18n/use-locale';

/** Last resort for a render error or a chunk that failed to load. */
export function RouteError() {
  const error = useRouteError();
  const { t } = useLocale();
  const status = isRouteErrorResponse(error) ? error.status : undefined;
  return (
    <main id="main" className="mx-auto max-w-lg space-y-4 p-8">
      <h1 className="text-2xl font-semibold">{status === 404 ? t('not_found_title') : t('error_page_title')}</h1>
      <p className="text-muted-foreground">{t('error_page_hint')}</p>
      <Link to="/" className="font-medium text-primary underline-offset-4 hover:underline">
        {t('nav_home')}
      </Link>
    </main>
  );
}

import type { ReactNode } from 'react';
import { Link } from 'react-router';

import { useDocumentTitle } from '@/hooks/use-document-title';
import { can, type Action } from '@/lib/actions';
import { useLocale } from '@/lib/i18n/use-locale';

/**
 * Route guard by action: the screen when the role has `action` (GET /auth/me), else a
 * plain "not for your role" page, so a typed or bookmarked URL never ends in a 403.
 */
export function RequireAction({
  actions,
  action,
  children,
}: {
  actions: readonly string[];
  action: Action;
  children: ReactNode;
}) {
  if (can(actions, action)) return <>{children}</>;
  return <Forbidden />;
}

function Forbidden() {
  const { t } = useLocale();
  useDocumentTitle(t('forbidden_title'));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('forbidden_title')}</h1>
      <p className="text-muted-foreground">{t('forbidden_hint')}</p>
      <Link to="/" className="font-medium text-primary underline-offset-4 hover:underline">
        {t('nav_home')}
      </Link>
    </div>
  );
}

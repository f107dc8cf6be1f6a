import { Link } from 'react-router';

import { EmptyState } from '@/components/ui/empty-state/empty-state';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/lib/i18n/use-locale';
import { NotificationsList } from '@/features/notifications/components/notifications-list';
import { useOrgPlugins } from '@/features/plugins/api/list-org-plugins';

/** The notification center; only there while the org has the notifications plugin enabled. */
export function NotificationsRoute() {
  const { t } = useLocale();
  const plugins = useOrgPlugins();
  useDocumentTitle(t('notifications_title'));
  const enabled = plugins.data?.some((plugin) => plugin.name === 'notifications' && plugin.enabled);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t('notifications_title')}</h1>
      {plugins.isPending ? (
        <Spinner label={t('loading')} />
      ) : plugins.isError ? (
        <ErrorState error={plugins.error} onRetry={() => void plugins.refetch()} />
      ) : enabled ? (
        <NotificationsList />
      ) : (
        <EmptyState
          title={t('plugin_page_unavailable')}
          action={
            <Link to="/settings/plugins" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
              {t('nav_plugins')}
            </Link>
          }
        />
      )}
    </div>
  );
}

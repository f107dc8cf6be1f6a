import { Link } from 'react-router';

import { Card } from '@/components/ui/card/card';
import { EmptyState } from '@/components/ui/empty-state/empty-state';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/lib/i18n/use-locale';
import { useOrgPlugins } from '@/features/plugins/api/list-org-plugins';
import { pluginText } from '@/features/plugins/utils/plugin-text';

/** The page behind a plugin's menu entry; it exists only while the plugin is enabled. */
export function PluginPage({ name }: { name: string }) {
  const { t, locale } = useLocale();
  const plugins = useOrgPlugins();
  const plugin = plugins.data?.find((item) => item.name === name);
  const text = plugin ? pluginText(plugin, locale) : null;
  useDocumentTitle(text?.title ?? name);

  if (plugins.isPending) return <Spinner label={t('loading')} />;
  if (plugins.isError) return <ErrorState error={plugins.error} onRetry={() => void plugins.refetch()} />;
  if (!plugin || !plugin.enabled) {
    return (
      <EmptyState
        title={t('plugin_page_unavailable')}
        action={
          <Link to="/settings/plugins" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
            {t('nav_plugins')}
          </Link>
        }
      />
    );
  }
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{text?.title}</h1>
      <Card>
        <p>{text?.description}</p>
        <p className="mt-3 text-sm text-muted-foreground">{t('plugin_page_placeholder')}</p>
      </Card>
    </div>
  );
}

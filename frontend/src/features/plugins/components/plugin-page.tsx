import { Link } from 'react-router';

import { Card } from '@/components/ui/card/card';
import { EmptyState } from '@/components/ui/empty-state/empty-state';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/lib/i18n/use-locale';
import { useFrontendManifest } from '@/features/plugins/api/get-frontend-manifest';
import { useOrgPlugins } from '@/features/plugins/api/list-org-plugins';
import { menuLabel } from '@/features/plugins/hooks/use-plugin-menu-entries';
import { pluginText } from '@/features/plugins/utils/plugin-text';

const LINK = 'text-sm font-medium text-primary underline-offset-4 hover:underline';

/**
 * A plugin's own page (`/plugins/<name>`, where a menu entry may lead): what it does, the
 * screens it brings (its `PluginPage`s in the org's menu) and where it is set up. It
 * exists only while the plugin is enabled.
 */
export function PluginPage({ name }: { name: string }) {
  const { t, locale } = useLocale();
  const plugins = useOrgPlugins();
  const manifest = useFrontendManifest();
  const plugin = plugins.data?.find((item) => item.name === name);
  const text = plugin ? pluginText(plugin, locale) : null;
  const title = text?.title ?? name;
  useDocumentTitle(title);

  if (plugins.isPending) return <Spinner label={t('loading')} />;
  if (plugins.isError) return <ErrorState error={plugins.error} onRetry={() => void plugins.refetch()} />;
  const settings = (
    <Link to="/settings/plugins" className={LINK}>
      {t('nav_plugins')}
    </Link>
  );
  if (!plugin || !plugin.enabled) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">{title}</h1>
        <EmptyState title={t('plugin_page_unavailable')} action={settings} />
      </div>
    );
  }
  const screens = (manifest.data?.menu ?? []).filter((entry) => entry.plugin === name && entry.module_url);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <Card className="space-y-3">
        <p>{text?.description}</p>
        {screens.length ? (
          <nav aria-label={t('plugin_page_screens')}>
            <ul className="space-y-1">
              {screens.map((entry) => (
                <li key={entry.path}>
                  <Link to={entry.path} className={LINK}>
                    {menuLabel(entry.label, locale)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <p className="text-sm text-muted-foreground">
          {t('plugin_page_settings')} {settings}
        </p>
      </Card>
    </div>
  );
}

import { EmptyState } from '@/components/ui/empty-state/empty-state';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useLocale } from '@/lib/i18n/use-locale';
import { useOrgPlugins } from '@/features/plugins/api/list-org-plugins';
import { PluginCard } from '@/features/plugins/components/plugin-card';

export function PluginsList({ canManage }: { canManage: boolean }) {
  const { t } = useLocale();
  const plugins = useOrgPlugins();

  if (plugins.isPending) return <Spinner label={t('plugins_loading')} />;
  if (plugins.isError) return <ErrorState error={plugins.error} onRetry={() => void plugins.refetch()} />;
  if (plugins.data.length === 0) {
    return <EmptyState title={t('plugins_empty')} description={t('plugins_empty_hint')} />;
  }
  return (
    <div className="space-y-4">
      {plugins.data.map((plugin) => (
        <PluginCard key={plugin.name} plugin={plugin} canManage={canManage} />
      ))}
    </div>
  );
}

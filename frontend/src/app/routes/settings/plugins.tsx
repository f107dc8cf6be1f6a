import { useSession } from '@/app/session-context';
import { Alert } from '@/components/ui/alert/alert';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/lib/i18n/use-locale';
import { can } from '@/lib/actions';
import { PluginsList } from '@/features/plugins/components/plugins-list';

export function PluginsRoute() {
  const { t } = useLocale();
  const { me, org } = useSession();
  useDocumentTitle(t('plugins_title'));
  const canManage = can(me.actions, 'plugins.manage');
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('plugins_title')}</h1>
        <p className="mt-1 text-muted-foreground">{t('plugins_subtitle', { org: org.name })}</p>
      </div>
      {canManage ? null : <Alert variant="info">{t('plugins_read_only')}</Alert>}
      <PluginsList canManage={canManage} />
    </div>
  );
}

import { useId, useState } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Badge } from '@/components/ui/badge/badge';
import { Button } from '@/components/ui/button/button';
import { Card } from '@/components/ui/card/card';
import { Switch } from '@/components/ui/switch/switch';
import { useLocale } from '@/lib/i18n/use-locale';
import type { OrgPlugin } from '@/features/plugins/api/list-org-plugins';
import { useUpdateOrgPlugin } from '@/features/plugins/api/update-org-plugin';
import { SchemaForm } from '@/features/plugins/components/schema-form';
import { pluginText } from '@/features/plugins/utils/plugin-text';

export function PluginCard({ plugin, canManage }: { plugin: OrgPlugin; canManage: boolean }) {
  const { t, tError, locale } = useLocale();
  const toggle = useUpdateOrgPlugin();
  const configure = useUpdateOrgPlugin();
  const [open, setOpen] = useState(false);
  const titleId = useId();
  const panelId = useId();
  const { title, description } = pluginText(plugin, locale);

  return (
    <Card aria-labelledby={titleId} role="group" className="space-y-4">
      <div className="flex items-start justify-between gap-4">
        <div className="min-w-0 flex-1 space-y-1">
          <h2 id={titleId} className="flex items-center gap-2 text-lg font-semibold">
            {title}
            <Badge>v{plugin.version}</Badge>
          </h2>
          {description ? (
            <p className="text-sm text-muted-foreground">{description}</p>
          ) : null}
          {plugin.depends_on.length > 0 ? (
            <p className="text-xs text-muted-foreground">
              {t('plugins_depends_on', { plugins: plugin.depends_on.join(', ') })}
            </p>
          ) : null}
        </div>
        <div className="flex shrink-0 items-center gap-3">
          <span className="text-sm font-medium" aria-hidden="true">
            {plugin.enabled ? t('plugins_enabled') : t('plugins_disabled')}
          </span>
          <Switch
            checked={plugin.enabled}
            aria-label={t('plugins_enable_label', { title })}
            disabled={!canManage || toggle.isPending}
            onCheckedChange={(enabled) => toggle.mutate({ name: plugin.name, enabled })}
          />
        </div>
      </div>
      {toggle.isError ? <Alert variant="danger">{tError(toggle.error)}</Alert> : null}
      {canManage ? (
        <div>
          <Button
            variant="secondary"
            size="sm"
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => setOpen((value) => !value)}
          >
            {open ? t('plugins_config_hide') : t('plugins_config_show')}
          </Button>
          {open ? (
            <section id={panelId} aria-label={t('plugins_config_of', { title })} className="mt-4 border-t border-border pt-4">
              <SchemaForm
                schema={plugin.config_schema}
                value={plugin.config}
                submitLabel={t('plugins_config_save')}
                submitting={configure.isPending}
                error={configure.error ?? undefined}
                saved={configure.isSuccess}
                onSubmit={(config) => configure.mutate({ name: plugin.name, config })}
              />
            </section>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}

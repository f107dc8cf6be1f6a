import { useState } from 'react';

import { useSession } from '@/app/session-context';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card/card';
import { EmptyState } from '@/components/ui/empty-state/empty-state';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/lib/i18n/use-locale';
import { can } from '@/lib/actions';
import type { CreatedApiKey } from '@/features/api-keys/api/create-api-key';
import { ApiKeysTable } from '@/features/api-keys/components/api-keys-table';
import { CreateApiKeyForm } from '@/features/api-keys/components/create-api-key-form';
import { NewApiKeyNotice } from '@/features/api-keys/components/new-api-key-notice';

/** The org's API keys, for owners and admins (the menu hides the page from other roles). */
export function ApiKeysRoute() {
  const { t } = useLocale();
  const { me, org } = useSession();
  useDocumentTitle(t('api_keys_title'));
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const allowed = can(me.actions, 'api_keys.manage');
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('api_keys_title')}</h1>
        <p className="mt-1 text-muted-foreground">{t('api_keys_subtitle', { org: org.name })}</p>
      </div>
      {allowed ? (
        <>
          {created ? <NewApiKeyNotice created={created} onDone={() => setCreated(null)} /> : null}
          <Card>
            <CardHeader>
              <CardTitle>{t('api_keys_create_title')}</CardTitle>
              <CardDescription>{t('api_keys_create_hint')}</CardDescription>
            </CardHeader>
            <CreateApiKeyForm onCreated={setCreated} />
          </Card>
          <ApiKeysTable />
        </>
      ) : (
        <EmptyState title={t('api_keys_forbidden')} description={t('api_keys_forbidden_hint')} />
      )}
    </div>
  );
}

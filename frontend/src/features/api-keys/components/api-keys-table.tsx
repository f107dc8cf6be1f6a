import { useState } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Badge } from '@/components/ui/badge/badge';
import { Button } from '@/components/ui/button/button';
import { ConfirmDialog } from '@/components/ui/dialog/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state/empty-state';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import { useApiKeys, type ApiKey } from '@/features/api-keys/api/list-api-keys';
import { useRevokeApiKey } from '@/features/api-keys/api/revoke-api-key';

type KeyState = 'active' | 'revoked' | 'expired';

function stateOf(key: ApiKey, now: number): KeyState {
  if (key.revoked_at) return 'revoked';
  if (key.expires_at && Date.parse(key.expires_at) <= now) return 'expired';
  return 'active';
}

const STATE_BADGE = { active: 'success', revoked: 'danger', expired: 'warning' } as const;

/** The org's keys (revoked ones too), each with its scopes, author, dates and a revoke button. */
export function ApiKeysTable() {
  const { t, tError } = useLocale();
  const { formatDate, formatDateTime } = useDates();
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [now] = useState(() => Date.now());

  if (keys.isPending) return <Spinner label={t('api_keys_loading')} />;
  if (keys.isError) return <ErrorState error={keys.error} onRetry={() => void keys.refetch()} />;
  if (keys.data.length === 0) return <EmptyState title={t('api_keys_empty')} description={t('api_keys_empty_hint')} />;

  return (
    <div className="space-y-3">
      {revoke.isError ? <Alert variant="danger">{tError(revoke.error)}</Alert> : null}
      <div className="relative overflow-x-auto rounded-lg border border-border bg-surface">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t('api_keys_title')}</caption>
          <thead className="border-b border-border bg-muted/60 text-muted-foreground">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">
                {t('api_keys_col_key')}
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                {t('api_keys_col_scopes')}
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                {t('api_keys_col_created')}
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                {t('api_keys_col_last_used')}
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                {t('api_keys_col_expires')}
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                <span className="sr-only">{t('api_keys_col_actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.data.map((key) => {
              const state = stateOf(key, now);
              return (
                <tr key={key.id} className="border-b border-border last:border-0 align-top">
                  <th scope="row" className="px-4 py-3 text-left font-normal">
                    <div className="font-medium">{key.name}</div>
                    <div className="font-mono text-muted-foreground">{key.prefix}...</div>
                    <Badge variant={STATE_BADGE[state]} className="mt-1">
                      {t(`api_keys_state_${state}`)}
                    </Badge>
                  </th>
                  <td className="px-4 py-3">
                    <div className="flex flex-wrap gap-1">
                      {key.scopes.map((scope) => (
                        <Badge key={scope} className="font-mono">
                          {scope}
                        </Badge>
                      ))}
                    </div>
                  </td>
                  <td className="px-4 py-3">
                    <div className="whitespace-nowrap">{formatDate(key.created_at)}</div>
                    {key.created_by ? <div className="text-muted-foreground">{key.created_by.display_name}</div> : null}
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap">{key.last_used_at ? formatDateTime(key.last_used_at) : t('api_keys_never_used')}</td>
                  <td className="px-4 py-3 whitespace-nowrap">
                    {key.revoked_at
                      ? t('api_keys_revoked_on', { date: formatDate(key.revoked_at) })
                      : key.expires_at
                        ? formatDate(key.expires_at)
                        : t('api_keys_expiry_never')}
                  </td>
                  <td className="px-4 py-3 text-right">
                    {key.revoked_at ? null : (
                      <Button
                        variant="ghost"
                        size="sm"
                        className="text-danger"
                        aria-label={t('api_keys_revoke_of', { name: key.name })}
                        onClick={() => {
                          revoke.reset();
                          setRevoking(key);
                        }}
                      >
                        {t('api_keys_revoke')}
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ConfirmDialog
        open={revoking !== null}
        title={t('api_keys_revoke_title')}
        description={revoking ? t('api_keys_revoke_confirm', { name: revoking.name }) : undefined}
        confirmLabel={t('api_keys_revoke')}
        cancelLabel={t('action_cancel')}
        destructive
        loading={revoke.isPending}
        onCancel={() => setRevoking(null)}
        onConfirm={() => {
          if (!revoking) return;
          revoke.mutate(revoking.id, { onSettled: () => setRevoking(null) });
        }}
      />
    </div>
  );
}

import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Badge } from '@/components/ui/badge/badge';
import { Button } from '@/components/ui/button/button';
import { DataTable, useDataTable } from '@/components/ui/data-table/data-table';
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

const NO_KEYS: ApiKey[] = [];

/** The org's keys (revoked ones too), each with its scopes, author, dates and a revoke button. */
export function ApiKeysTable() {
  const { t, tError } = useLocale();
  const { formatDate, formatDateTime } = useDates();
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [now] = useState(() => Date.now());

  const columns = useMemo<ColumnDef<ApiKey>[]>(
    () => [
      {
        id: 'key',
        accessorFn: (key) => key.name.toLowerCase(),
        header: t('api_keys_col_key'),
        meta: { rowHeader: true },
        cell: ({ row: { original: key } }) => {
          const state = stateOf(key, now);
          return (
            <>
              <div className="font-medium">{key.name}</div>
              <div className="font-mono text-muted-foreground">{key.prefix}...</div>
              <Badge variant={STATE_BADGE[state]} className="mt-1">
                {t(`api_keys_state_${state}`)}
              </Badge>
            </>
          );
        },
      },
      {
        id: 'scopes',
        enableSorting: false,
        header: t('api_keys_col_scopes'),
        cell: ({ row: { original: key } }) => (
          <div className="flex flex-wrap gap-1">
            {key.scopes.map((scope) => (
              <Badge key={scope} className="font-mono">
                {scope}
              </Badge>
            ))}
          </div>
        ),
      },
      {
        id: 'created',
        accessorFn: (key) => key.created_at,
        header: t('api_keys_col_created'),
        sortDescFirst: true,
        cell: ({ row: { original: key } }) => (
          <>
            <div className="whitespace-nowrap">{formatDate(key.created_at)}</div>
            {key.created_by ? <div className="text-muted-foreground">{key.created_by.display_name}</div> : null}
          </>
        ),
      },
      {
        id: 'last_used',
        accessorFn: (key) => key.last_used_at ?? undefined,
        sortUndefined: 'last',
        sortDescFirst: true,
        header: t('api_keys_col_last_used'),
        meta: { className: 'whitespace-nowrap' },
        cell: ({ row: { original: key } }) => (key.last_used_at ? formatDateTime(key.last_used_at) : t('api_keys_never_used')),
      },
      {
        id: 'expires',
        accessorFn: (key) => key.revoked_at ?? key.expires_at ?? undefined,
        sortUndefined: 'last',
        header: t('api_keys_col_expires'),
        meta: { className: 'whitespace-nowrap' },
        cell: ({ row: { original: key } }) =>
          key.revoked_at
            ? t('api_keys_revoked_on', { date: formatDate(key.revoked_at) })
            : key.expires_at
              ? formatDate(key.expires_at)
              : t('api_keys_expiry_never'),
      },
      {
        id: 'actions',
        header: () => <span className="sr-only">{t('api_keys_col_actions')}</span>,
        meta: { className: 'text-right' },
        cell: ({ row: { original: key } }) =>
          key.revoked_at ? null : (
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
          ),
      },
    ],
    [t, formatDate, formatDateTime, now, revoke],
  );
  const table = useDataTable({ data: keys.data ?? NO_KEYS, columns, getRowId: (key) => String(key.id) });

  if (keys.isPending) return <Spinner label={t('api_keys_loading')} />;
  if (keys.isError) return <ErrorState error={keys.error} onRetry={() => void keys.refetch()} />;
  if (keys.data.length === 0) return <EmptyState title={t('api_keys_empty')} description={t('api_keys_empty_hint')} />;

  return (
    <div className="space-y-3">
      {revoke.isError ? <Alert variant="danger">{tError(revoke.error)}</Alert> : null}
      <DataTable table={table} caption={t('api_keys_title')} rowClassName="align-top" />
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

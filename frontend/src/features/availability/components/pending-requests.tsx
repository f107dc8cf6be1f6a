import type { ReactNode } from 'react';

import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card/card';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useLocale } from '@/lib/i18n/use-locale';
import { useAvailabilityWindows } from '@/features/availability/api/list-availability-windows';
import { WindowItem } from '@/features/availability/components/window-item';

/** Managers: every REQUESTED window of the org, to approve or refuse. */
export function PendingRequests({ renderUser }: { renderUser: (userId: number) => ReactNode }) {
  const { t } = useLocale();
  const windows = useAvailabilityWindows({ status: 'REQUESTED' });
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('availability_pending_title')}</CardTitle>
        <CardDescription>{t('availability_pending_hint')}</CardDescription>
      </CardHeader>
      {windows.isPending ? (
        <Spinner label={t('loading')} />
      ) : windows.isError ? (
        <ErrorState error={windows.error} onRetry={() => void windows.refetch()} />
      ) : windows.data.items.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t('availability_pending_empty')}</p>
      ) : (
        <ul className="divide-y divide-border rounded-md border border-border">
          {windows.data.items.map((window) => (
            <WindowItem key={window.id} window={window} canDecide who={renderUser(window.user_id)} />
          ))}
        </ul>
      )}
    </Card>
  );
}

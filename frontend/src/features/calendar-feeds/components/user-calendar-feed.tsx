import { useId, useState } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card/card';
import { ConfirmDialog } from '@/components/ui/dialog/confirm-dialog';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import { useDeleteCalendarFeed } from '@/features/calendar-feeds/api/delete-calendar-feed';
import { useCalendarFeed } from '@/features/calendar-feeds/api/get-calendar-feed';

/**
 * A person's ICS feed as a manager sees it: whether it exists, when it was made and last
 * read, and a revoke button (a lost phone, a person who left). Never its address: only
 * the person can create or regenerate it.
 */
export function UserCalendarFeed({ userId }: { userId: number }) {
  const { t, tError } = useLocale();
  const { formatDateTime } = useDates();
  const target = { kind: 'user', id: userId } as const;
  const feed = useCalendarFeed(target);
  const revoke = useDeleteCalendarFeed(target);
  const [confirming, setConfirming] = useState(false);
  const titleId = useId();

  return (
    <Card role="region" aria-labelledby={titleId}>
      <CardHeader>
        <CardTitle id={titleId}>{t('calendar_feed_title_user')}</CardTitle>
        <CardDescription>{t('calendar_feed_intro_user')}</CardDescription>
      </CardHeader>
      {revoke.isError ? <Alert variant="danger">{tError(revoke.error)}</Alert> : null}
      {feed.isPending ? (
        <Spinner label={t('calendar_feed_loading')} />
      ) : feed.isError ? (
        <ErrorState error={feed.error} onRetry={() => void feed.refetch()} />
      ) : feed.data === null ? (
        <p className="text-sm text-muted-foreground">{t('calendar_feed_user_none')}</p>
      ) : (
        <div className="space-y-4">
          <div className="space-y-1 text-sm">
            <p>{t('calendar_feed_active', { date: formatDateTime(feed.data.created_at) })}</p>
            <p className="text-muted-foreground">
              {feed.data.last_polled_at
                ? t('calendar_feed_last_polled', { date: formatDateTime(feed.data.last_polled_at) })
                : t('calendar_feed_never_polled')}
            </p>
          </div>
          <Button variant="secondary" className="text-danger" onClick={() => setConfirming(true)}>
            {t('calendar_feed_revoke')}
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('calendar_feed_revoke_title')}
        description={t('calendar_feed_revoke_confirm')}
        confirmLabel={t('calendar_feed_revoke')}
        cancelLabel={t('action_cancel')}
        destructive
        loading={revoke.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => revoke.mutate(undefined, { onSettled: () => setConfirming(false) })}
      />
    </Card>
  );
}

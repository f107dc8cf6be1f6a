import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { EmptyState } from '@/components/ui/empty-state/empty-state';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Spinner } from '@/components/ui/spinner/spinner';
import { cn } from '@/lib/cn';
import { useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import { useNotifications } from '@/features/notifications/api/list-notifications';
import { useMarkAllNotificationsRead } from '@/features/notifications/api/mark-all-notifications-read';
import { useMarkNotificationRead } from '@/features/notifications/api/mark-notification-read';

/** The notification center: newest first, unread ones highlighted, mark one or all read. */
export function NotificationsList() {
  const { t, tError } = useLocale();
  const { formatDateTime } = useDates();
  const notifications = useNotifications();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();

  if (notifications.isPending) return <Spinner label={t('notifications_loading')} />;
  if (notifications.isError) {
    return <ErrorState error={notifications.error} onRetry={() => void notifications.refetch()} />;
  }
  const { items, unread } = notifications.data;
  const error = markRead.error ?? markAll.error;
  return (
    <div className="space-y-4">
      {error ? <Alert variant="danger">{tError(error)}</Alert> : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted-foreground" aria-live="polite">
          {t('notifications_unread', { count: unread })}
        </p>
        <Button variant="secondary" size="sm" disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate()}>
          {t('notifications_mark_all')}
        </Button>
      </div>
      {items.length === 0 ? (
        <EmptyState title={t('notifications_empty')} />
      ) : (
        <ul className="divide-y divide-border rounded-lg border border-border bg-surface">
          {items.map((item) => (
            <li key={item.id} className={cn('flex flex-wrap items-start justify-between gap-3 px-4 py-3', !item.read_at && 'bg-info-soft/40')}>
              <div className="min-w-0 space-y-1">
                <p className={cn('text-sm', !item.read_at && 'font-semibold')}>
                  {!item.read_at ? <span className="sr-only">{t('notifications_new')} </span> : null}
                  {item.title}
                </p>
                {item.body ? <p className="text-sm whitespace-pre-line text-muted-foreground">{item.body}</p> : null}
                <p className="text-xs text-muted-foreground">{formatDateTime(item.created_at)}</p>
              </div>
              {!item.read_at ? (
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={t('notifications_mark_read_of', { title: item.title })}
                  loading={markRead.isPending && markRead.variables === item.id}
                  onClick={() => markRead.mutate(item.id)}
                >
                  {t('notifications_mark_read')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

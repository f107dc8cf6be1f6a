import { Link } from 'react-router';

import { useLocale } from '@/lib/i18n/use-locale';
import { useNotifications } from '@/features/notifications/api/list-notifications';
import { useNotificationsLive } from '@/features/notifications/hooks/use-notifications-live';

/** The header link to the notification center, with the unread count (live). */
export function NotificationsBell() {
  const { t } = useLocale();
  const notifications = useNotifications();
  useNotificationsLive(true);
  const unread = notifications.data?.unread ?? 0;
  return (
    <Link
      to="/notifications"
      aria-label={unread > 0 ? t('notifications_unread', { count: unread }) : t('notifications_title')}
      className="relative inline-flex h-9 items-center gap-2 rounded-md px-2 text-sm font-medium hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 ? (
        <span aria-hidden="true" className="rounded-full bg-danger px-1.5 text-xs font-semibold text-danger-foreground">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  );
}

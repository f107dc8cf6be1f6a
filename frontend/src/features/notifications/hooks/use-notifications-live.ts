import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';

import { useLiveEvents } from '@/lib/live/event-stream';
import { notificationsQueryKey } from '@/features/notifications/api/list-notifications';

/** The event the notifications plugin pushes on /api/v1/events for a new notification. */
export const NOTIFICATION_CREATED = 'notifications.created';

/** Refreshes the inbox when the plugin pushes a notification on the shared live stream. */
export function useNotificationsLive(enabled: boolean): void {
  const queryClient = useQueryClient();
  const handlers = useMemo(
    () => ({ [NOTIFICATION_CREATED]: () => void queryClient.invalidateQueries({ queryKey: notificationsQueryKey }) }),
    [queryClient],
  );
  useLiveEvents(handlers, enabled);
}

import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import { API_PREFIX } from '@/lib/api/client';
import { notificationsQueryKey } from '@/features/notifications/api/list-notifications';

/** The event the notifications plugin pushes on /api/v1/events for a new notification. */
export const NOTIFICATION_CREATED = 'notifications.created';

/**
 * Refreshes the inbox when the plugin pushes a notification on the SSE stream.
 * The browser's EventSource reconnects by itself (with Last-Event-ID).
 */
export function useNotificationsLive(enabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource(`${API_PREFIX}/events`, { withCredentials: true });
    const refresh = () => void queryClient.invalidateQueries({ queryKey: notificationsQueryKey });
    source.addEventListener(NOTIFICATION_CREATED, refresh);
    return () => {
      source.removeEventListener(NOTIFICATION_CREATED, refresh);
      source.close();
    };
  }, [enabled, queryClient]);
}

import { useLiveEvents, useQueryClient } from '@coulisses/plugin-ui';
import { useMemo } from 'react';

import { notificationsQueryKey } from './api';

/** The event this plugin pushes on /api/v1/events for a new notification. */
export const NOTIFICATION_CREATED = 'notifications.created';

/** Refreshes the inbox when a notification is pushed on the app's shared live stream. */
export function useNotificationsLive(enabled: boolean): void {
  const queryClient = useQueryClient();
  const handlers = useMemo(
    () => ({ [NOTIFICATION_CREATED]: () => void queryClient.invalidateQueries({ queryKey: notificationsQueryKey }) }),
    [queryClient],
  );
  useLiveEvents(handlers, enabled);
}

import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type Notification = Schema<'NotificationOut'>;
export type NotificationPage = Schema<'NotificationPage'>;

export const notificationsQueryKey = ['notifications'] as const;

/** The newest notifications of the signed-in member, and the unread count. */
export function listNotifications(): Promise<NotificationPage> {
  return api.get<NotificationPage>(`${API_PREFIX}/notifications?page_size=50`);
}

export function notificationsQueryOptions(enabled = true) {
  return queryOptions({
    queryKey: notificationsQueryKey,
    queryFn: listNotifications,
    enabled,
    // The live stream invalidates this key; the poll is a fallback without it.
    staleTime: 30_000,
    refetchInterval: 120_000,
  });
}

export function useNotifications(enabled = true) {
  return useQuery(notificationsQueryOptions(enabled));
}

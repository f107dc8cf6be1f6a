import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import { notificationsQueryKey, type Notification } from '@/features/notifications/api/list-notifications';

export function markNotificationRead(notificationId: number): Promise<Notification> {
  return api.post<Notification>(`${API_PREFIX}/notifications/${notificationId}/read`);
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationRead,
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsQueryKey }),
  });
}

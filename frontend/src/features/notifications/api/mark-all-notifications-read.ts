import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { notificationsQueryKey } from '@/features/notifications/api/list-notifications';

export function markAllNotificationsRead(): Promise<Schema<'ReadAllOut'>> {
  return api.post<Schema<'ReadAllOut'>>(`${API_PREFIX}/notifications/read_all`);
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markAllNotificationsRead,
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsQueryKey }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import {
  calendarFeedQueryKey,
  feedPath,
  type CalendarFeed,
  type FeedTarget,
} from '@/features/calendar-feeds/api/get-calendar-feed';

/** DELETE: the feed's address stops working at once. */
export function deleteCalendarFeed(target: FeedTarget): Promise<void> {
  return api.delete<void>(feedPath(target));
}

export function useDeleteCalendarFeed(target: FeedTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteCalendarFeed(target),
    onSuccess: () => queryClient.setQueryData<CalendarFeed | null>(calendarFeedQueryKey(target), null),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import {
  calendarFeedQueryKey,
  feedPath,
  type CalendarFeed,
  type CreatedCalendarFeed,
  type IssuableTarget,
} from '@/features/calendar-feeds/api/get-calendar-feed';

export type OwnFeedOptions = Schema<'OwnCalendarFeedIn'>;

/** POST: creates the feed or regenerates it (a new address; the old one stops working). */
export function createCalendarFeed(target: IssuableTarget, options?: OwnFeedOptions): Promise<CreatedCalendarFeed> {
  return api.post<CreatedCalendarFeed>(feedPath(target), target.kind === 'mine' ? (options ?? {}) : undefined);
}

export function useCreateCalendarFeed(target: IssuableTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (options?: OwnFeedOptions) => createCalendarFeed(target, options),
    onSuccess: (created) => {
      // The cached feed never holds the address: it is shown from the mutation's answer only.
      const { url: _url, webcal_url: _webcal, ...feed } = created;
      queryClient.setQueryData<CalendarFeed | null>(calendarFeedQueryKey(target), feed);
    },
  });
}

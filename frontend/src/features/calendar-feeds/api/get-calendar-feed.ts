import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

/** A feed as the API shows it after creation: without its address. */
export type CalendarFeed = Schema<'CalendarFeedOut'>;
/** A feed just created or regenerated: with its secret address, shown this once. */
export type CreatedCalendarFeed = Schema<'CalendarFeedCreated'>;

/** A feed one can create: the signed-in person's own, a project's or a place's (managers). */
export type IssuableTarget = { kind: 'mine' } | { kind: 'project'; id: number } | { kind: 'place'; id: number };
/** Whose feed; a person's feed seen by a manager (`user`) can be read and revoked, never made. */
export type FeedTarget = IssuableTarget | { kind: 'user'; id: number };

const COLLECTIONS = { project: 'projects', place: 'places', user: 'users' } as const;

/** The management route of a target's feed (GET, POST to create or regenerate, DELETE). */
export function feedPath(target: FeedTarget): string {
  if (target.kind === 'mine') return `${API_PREFIX}/calendar-feeds/mine`;
  return `${API_PREFIX}/${COLLECTIONS[target.kind]}/${target.id}/calendar-feed`;
}

export function calendarFeedQueryKey(target: FeedTarget) {
  return ['calendar-feed', target.kind, target.kind === 'mine' ? null : target.id] as const;
}

/** The target's feed, or null when it has none (the API answers null: not an error). */
export function getCalendarFeed(target: FeedTarget): Promise<CalendarFeed | null> {
  return api.get<CalendarFeed | null>(feedPath(target));
}

export function calendarFeedQueryOptions(target: FeedTarget) {
  return queryOptions({
    queryKey: calendarFeedQueryKey(target),
    queryFn: () => getCalendarFeed(target),
    staleTime: 60_000,
  });
}

export function useCalendarFeed(target: FeedTarget) {
  return useQuery(calendarFeedQueryOptions(target));
}

import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type Place = Schema<'PlaceOut'>;
export type PlacePage = Schema<'PlacePage'>;

export const placesQueryKey = ['places'] as const;

/** The org's places by name (200 at most: a picker's worth); `q` searches names and addresses. */
export function listPlaces(q: string, signal?: AbortSignal): Promise<PlacePage> {
  const params = new URLSearchParams({ page_size: '200' });
  if (q.trim()) params.set('q', q.trim());
  return api.get<PlacePage>(`${API_PREFIX}/places?${params}`, { signal });
}

export function placesQueryOptions(q = '') {
  return queryOptions({
    queryKey: [...placesQueryKey, 'list', { q: q.trim() }],
    queryFn: ({ signal }) => listPlaces(q, signal),
    staleTime: 60_000,
  });
}

export function usePlaces(q = '') {
  return useQuery(placesQueryOptions(q));
}

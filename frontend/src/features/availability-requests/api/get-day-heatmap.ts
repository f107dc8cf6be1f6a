import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { availabilityRequestsQueryKey } from '@/features/availability-requests/api/list-availability-requests';

export type DayHeatmap = Schema<'DayHeatmapOut'>;
export type HeatDay = Schema<'HeatDayOut'>;

/** The longest window the API accepts (days, both ends included). */
export const HEAT_MAX_DAYS = 62;

/** Per day of `from`..`to` (both included): people asked and what they said (GET .../heatmap). */
export function getDayHeatmap(from: string, to: string, signal?: AbortSignal): Promise<DayHeatmap> {
  const params = new URLSearchParams({ from, to });
  return api.get<DayHeatmap>(`${API_PREFIX}/availability-requests/heatmap?${params}`, { signal });
}

/** The last day `from` may ask for: `to`, or the API's bound when the window is longer. */
export function clampTo(from: string, to: string): string {
  const [y = 1970, m = 1, d = 1] = from.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1, d + HEAT_MAX_DAYS - 1)).toISOString().slice(0, 10);
  return to < last ? to : last;
}

export function useDayHeatmap(window: { from: string; to: string } | null, enabled: boolean) {
  const from = window?.from ?? '';
  const to = window ? clampTo(window.from, window.to) : '';
  return useQuery({
    queryKey: [...availabilityRequestsQueryKey, 'heatmap', from, to] as const,
    queryFn: ({ signal }) => getDayHeatmap(from, to, signal),
    enabled: enabled && !!window,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

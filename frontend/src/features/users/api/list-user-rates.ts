import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type Rate = Schema<'RateOut'>;
export type RatePage = Schema<'RatePage'>;

export function listUserRates(userId: number): Promise<RatePage> {
  return api.get<RatePage>(`${API_PREFIX}/rates?user=${userId}&page_size=200`);
}

/** Rates are readable by managers and up only (`enabled` is the caller's role check). */
export function useUserRates(userId: number, enabled: boolean) {
  return useQuery(
    queryOptions({
      queryKey: ['rates', { user: userId }] as const,
      queryFn: () => listUserRates(userId),
      enabled,
    }),
  );
}

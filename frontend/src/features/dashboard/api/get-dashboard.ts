import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type Dashboard = Schema<'Dashboard'>;
export type DashboardManager = Schema<'DashboardManager'>;
export type DashboardMission = Schema<'DashboardMission'>;
export type DashboardAssignment = Schema<'DashboardAssignment'>;
export type DashboardDelivery = Schema<'DashboardDelivery'>;

export const dashboardQueryKey = ['dashboard'] as const;

/** The home page in one read (GET /dashboard): `manager` is null for a tech. */
export function getDashboard(signal?: AbortSignal): Promise<Dashboard> {
  return api.get<Dashboard>(`${API_PREFIX}/dashboard`, { signal });
}

export function dashboardQueryOptions() {
  return queryOptions({
    queryKey: dashboardQueryKey,
    queryFn: ({ signal }) => getDashboard(signal),
    staleTime: 30_000,
    // Ages and "last 24 h" move with the clock: read again every minute while open.
    refetchInterval: 60_000,
  });
}

export function useDashboard() {
  return useQuery(dashboardQueryOptions());
}

import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { availabilityQueryKey } from '@/features/availability/api/list-availability-windows';

export type AbsenceOverlaps = Schema<'AbsenceOverlapsOut'>;

/** The ACCEPTED missions an absence would leave uncovered, each with suggested replacements. */
export function listAbsenceOverlaps(windowId: number): Promise<AbsenceOverlaps> {
  return api.get<AbsenceOverlaps>(`${API_PREFIX}/availability/${windowId}/overlaps`);
}

export function absenceOverlapsQueryOptions(windowId: number) {
  return queryOptions({
    queryKey: [...availabilityQueryKey, 'overlaps', windowId] as const,
    queryFn: () => listAbsenceOverlaps(windowId),
  });
}

export function useAbsenceOverlaps(windowId: number, enabled = true) {
  return useQuery({ ...absenceOverlapsQueryOptions(windowId), enabled });
}

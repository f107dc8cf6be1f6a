import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type AbsenceType = Schema<'AbsenceTypeOut'>;
export type AbsenceTypePage = Schema<'AbsenceTypePage'>;

export const absenceTypesQueryKey = ['absence-types'] as const;

/** Every absence type of the org (a handful: one page), active or not. */
export function listAbsenceTypes(): Promise<AbsenceTypePage> {
  return api.get<AbsenceTypePage>(`${API_PREFIX}/absence-types?page_size=200`);
}

export function absenceTypesQueryOptions() {
  return queryOptions({ queryKey: absenceTypesQueryKey, queryFn: listAbsenceTypes, staleTime: 60_000 });
}

export function useAbsenceTypes() {
  return useQuery(absenceTypesQueryOptions());
}

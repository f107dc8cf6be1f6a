import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type User = Schema<'UserOut'>;
export type UserPage = Schema<'UserPage'>;

export interface UserFilters {
  q?: string;
  skill?: string;
  tag?: string;
  employmentType?: string;
  /** The API's `sort` (e.g. `-last_name,-first_name`); none: its default order. */
  sort?: string;
  page?: number;
}

export const usersQueryKey = ['users'] as const;

/** The query string of a users search (empty filters left out). */
export function usersSearch(filters: UserFilters, pageSize = 50): string {
  const params = new URLSearchParams();
  if (filters.q?.trim()) params.set('q', filters.q.trim());
  if (filters.skill?.trim()) params.set('skill', filters.skill.trim());
  if (filters.tag?.trim()) params.set('tag', filters.tag.trim());
  if (filters.employmentType) params.set('employment_type', filters.employmentType);
  if (filters.sort) params.set('sort', filters.sort);
  params.set('page', String(filters.page ?? 1));
  params.set('page_size', String(pageSize));
  return params.toString();
}

export function listUsers(filters: UserFilters): Promise<UserPage> {
  return api.get<UserPage>(`${API_PREFIX}/users?${usersSearch(filters)}`);
}

export function usersQueryOptions(filters: UserFilters) {
  return queryOptions({
    queryKey: [...usersQueryKey, 'list', filters] as const,
    queryFn: () => listUsers(filters),
    placeholderData: keepPreviousData,
  });
}

export function useUsers(filters: UserFilters) {
  return useQuery(usersQueryOptions(filters));
}

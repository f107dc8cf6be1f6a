import { queryOptions, useQuery } from '@tanstack/react-query';

import { API_PREFIX } from '@/lib/api/client';
import { listAll } from '@/lib/api/list-all';
import type { Schema } from '@/lib/api/types';

export type Member = Schema<'MemberOut'>;

export const membersQueryKey = ['members'] as const;

export function listMembers(): Promise<Member[]> {
  return listAll<Member>(`${API_PREFIX}/orgs/current/members`);
}

export function membersQueryOptions() {
  return queryOptions({ queryKey: membersQueryKey, queryFn: listMembers });
}

export function useMembers() {
  return useQuery(membersQueryOptions());
}

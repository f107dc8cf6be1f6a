import { queryOptions, useQuery } from '@tanstack/react-query';

import { API_PREFIX } from '@/lib/api/client';
import { listAll } from '@/lib/api/list-all';
import type { Schema } from '@/lib/api/types';
import { hasRole } from '@/lib/roles';

export type OrgMember = Schema<'MemberOut'>;

/** Members of the org who may manage a project (role manager or above). */
export async function listManagerCandidates(signal?: AbortSignal): Promise<OrgMember[]> {
  const members = await listAll<OrgMember>(`${API_PREFIX}/orgs/current/members`, { signal });
  return members.filter((m) => hasRole(m.role, 'manager'));
}

export function managerCandidatesQueryOptions() {
  return queryOptions({
    queryKey: ['members', 'manager-candidates'],
    queryFn: ({ signal }) => listManagerCandidates(signal),
    staleTime: 60_000,
  });
}

export function useManagerCandidates() {
  return useQuery(managerCandidatesQueryOptions());
}

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import { membersQueryKey, type Member } from '@/features/members/api/list-members';

export interface ChangeMemberRoleInput {
  accountId: number;
  role: string;
}

export function changeMemberRole({ accountId, role }: ChangeMemberRoleInput): Promise<Member> {
  return api.patch<Member>(`${API_PREFIX}/orgs/current/members/${accountId}`, { role });
}

export function useChangeMemberRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeMemberRole,
    // Refetch on failure too: the select shows the role the server really kept.
    onSettled: () => queryClient.invalidateQueries({ queryKey: membersQueryKey }),
  });
}

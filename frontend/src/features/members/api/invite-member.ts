import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { membersQueryKey, type Member } from '@/features/members/api/list-members';

export type InviteMemberInput = Schema<'MemberInvite'>;

export function inviteMember(input: InviteMemberInput): Promise<Member> {
  return api.post<Member>(`${API_PREFIX}/orgs/current/members`, input);
}

export function useInviteMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: inviteMember,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersQueryKey }),
  });
}

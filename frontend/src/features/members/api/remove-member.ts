import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import { membersQueryKey } from '@/features/members/api/list-members';

export function removeMember(accountId: number): Promise<void> {
  return api.delete<void>(`${API_PREFIX}/orgs/current/members/${accountId}`);
}

export function useRemoveMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeMember,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersQueryKey }),
  });
}

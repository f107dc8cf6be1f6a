import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type PublicInvitation = Schema<'PublicInvitationOut'>;

export const publicInvitationQueryKey = ['invitations', 'public'] as const;

/**
 * What the public page shows before an answer (no session): the mission, the org and
 * whether the link still works. A wrong token answers 404 like a missing invitation.
 */
export function getPublicInvitation(invitationId: string, token: string): Promise<PublicInvitation> {
  const path = `${API_PREFIX}/invitations/${encodeURIComponent(invitationId)}/public?token=${encodeURIComponent(token)}`;
  // A 401 here cannot be fixed by refreshing a session the visitor may not have.
  return api.get<PublicInvitation>(path, { skipRefresh: true });
}

export function publicInvitationQueryOptions(invitationId: string, token: string) {
  return queryOptions({
    queryKey: [...publicInvitationQueryKey, invitationId, token] as const,
    queryFn: () => getPublicInvitation(invitationId, token),
    // Every read counts against the link's rate limit: read once, never in the background.
    staleTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function usePublicInvitation(invitationId: string, token: string, enabled = true) {
  return useQuery({ ...publicInvitationQueryOptions(invitationId, token), enabled });
}

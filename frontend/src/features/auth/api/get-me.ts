import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type Me = Schema<'MeOut'>;
export type OrgMembership = Schema<'OrgMembershipOut'>;

export const meQueryKey = ['auth', 'me'] as const;

export function getMe(): Promise<Me> {
  return api.get<Me>(`${API_PREFIX}/auth/me`);
}

export function meQueryOptions() {
  return queryOptions({ queryKey: meQueryKey, queryFn: getMe, staleTime: 60_000 });
}

export function useMe() {
  return useQuery(meQueryOptions());
}

/** The org the session is acting in, from the me payload. */
export function activeOrg(me: Me | undefined): OrgMembership | undefined {
  return me?.orgs.find((org) => org.id === me.active_org_id);
}

import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type RetentionPolicy = Schema<'RetentionPolicy'>;
export type RetentionUpdate = Schema<'RetentionUpdate'>;

const PATH = `${API_PREFIX}/orgs/current/retention`;
export const retentionQueryKey = ['retention'] as const;

/** How long the org keeps audit entries and closed invitations (docs/rgpd.md). */
export function getRetention(): Promise<RetentionPolicy> {
  return api.get<RetentionPolicy>(PATH);
}

export function retentionQueryOptions() {
  return queryOptions({ queryKey: retentionQueryKey, queryFn: getRetention, staleTime: 60_000 });
}

export function useRetention() {
  return useQuery(retentionQueryOptions());
}

export function updateRetention(body: RetentionUpdate): Promise<RetentionPolicy> {
  return api.put<RetentionPolicy>(PATH, body);
}

export function useUpdateRetention() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateRetention,
    onSuccess: (policy) => queryClient.setQueryData(retentionQueryKey, policy),
  });
}

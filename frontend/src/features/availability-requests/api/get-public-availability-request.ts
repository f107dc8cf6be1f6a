import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type PublicAvailabilityRequest = Schema<'PublicRequestOut'>;
export type AnswerValue = Schema<'AnswerCell'>['answer'];

export const publicAvailabilityQueryKey = ['availability-answers'] as const;

function publicPath(recipientId: string, token: string): string {
  return `${API_PREFIX}/availability-answers/${encodeURIComponent(recipientId)}?token=${encodeURIComponent(token)}`;
}

/** The public page (no session): the question and this person's answers; a wrong token is a 404. */
export function getPublicAvailabilityRequest(recipientId: string, token: string): Promise<PublicAvailabilityRequest> {
  return api.get<PublicAvailabilityRequest>(publicPath(recipientId, token), { skipRefresh: true });
}

export function publicAvailabilityQueryOptions(recipientId: string, token: string) {
  return queryOptions({
    queryKey: [...publicAvailabilityQueryKey, recipientId, token] as const,
    queryFn: () => getPublicAvailabilityRequest(recipientId, token),
    // Every read counts against the link's rate limit: read once, never in the background.
    staleTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function usePublicAvailabilityRequest(recipientId: string, token: string, enabled: boolean) {
  return useQuery({ ...publicAvailabilityQueryOptions(recipientId, token), enabled });
}

export { publicPath };

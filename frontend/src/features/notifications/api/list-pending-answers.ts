import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { notificationsQueryKey } from '@/features/notifications/api/list-notifications';

type AssignmentPage = Schema<'AssignmentPage'>;

/** Under the inbox key: a new notification (live) refreshes it with the inbox. */
export const pendingAnswersQueryKey = [...notificationsQueryKey, 'pending-answers'] as const;

/** Ids of the signed-in person's assignments still waiting for an answer (INVITED). */
export async function listPendingAnswers(): Promise<Set<number>> {
  const page = await api.get<AssignmentPage>(`${API_PREFIX}/assignments?mine=true&status=INVITED&page_size=200`);
  return new Set(page.items.map((assignment) => assignment.id));
}

export function pendingAnswersQueryOptions(enabled = true) {
  return queryOptions({ queryKey: pendingAnswersQueryKey, queryFn: listPendingAnswers, enabled, staleTime: 15_000 });
}

export function usePendingAnswers(enabled = true) {
  return useQuery(pendingAnswersQueryOptions(enabled));
}

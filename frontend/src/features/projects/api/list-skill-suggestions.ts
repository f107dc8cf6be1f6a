import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

type UserPage = Schema<'UserPage'>;

/** Skill names already held by the org's users (first 200 users), sorted: suggestions only. */
export async function listSkillSuggestions(signal?: AbortSignal): Promise<string[]> {
  const page = await api.get<UserPage>(`${API_PREFIX}/users?page_size=200`, { signal });
  const names = new Set(page.items.flatMap((u) => u.skills.map((s) => s.name.trim().toLowerCase())).filter(Boolean));
  return [...names].sort((a, b) => a.localeCompare(b));
}

export function skillSuggestionsQueryOptions() {
  return queryOptions({
    queryKey: ['users', 'skill-suggestions'],
    queryFn: ({ signal }) => listSkillSuggestions(signal),
    staleTime: 5 * 60_000,
  });
}

export function useSkillSuggestions() {
  return useQuery(skillSuggestionsQueryOptions());
}

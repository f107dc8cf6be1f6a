/** TanStack Query defaults: the only holder of server state in the app. */
import { QueryClient } from '@tanstack/react-query';

import { isApiError } from '@/lib/api/api-error';

function shouldRetry(failureCount: number, error: unknown): boolean {
  // A 4xx will not change by asking again; a network blip or a 5xx may.
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 1;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}

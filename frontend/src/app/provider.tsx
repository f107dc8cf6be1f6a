import { onlineManager, QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';

import { keepOfflineQueries, mirrorOfflineCache, restoreOfflineCache } from '@/lib/offline-cache';
import { createQueryClient } from '@/lib/query-client';

/**
 * The app's query client, with what was readable offline put back before the first render.
 * TanStack Query assumes a network until an `offline` event: an app opened without one
 * would refetch the restored data, fail, and show an error instead of it. It starts from
 * the browser's own state, so queries wait for the network instead.
 */
export function createAppQueryClient(): QueryClient {
  if (typeof navigator !== 'undefined') onlineManager.setOnline(navigator.onLine);
  const client = createQueryClient();
  keepOfflineQueries(client);
  restoreOfflineCache(client);
  return client;
}

export function AppProvider({ children, client }: { children: ReactNode; client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? createAppQueryClient());
  useEffect(() => mirrorOfflineCache(queryClient), [queryClient]);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}

/**
 * What the app can show without network: the session, My Missions (the person's
 * own assignments and their missions) and the person's planning of the next 14 days
 * (`my-planning`) as of the last sync, kept in localStorage and
 * put back into the query cache when the app starts. Nothing else is kept, and
 * signing in or out empties it (the cache is cleared, and this mirror follows).
 *
 * Built on TanStack Query's own dehydrate/hydrate: its persister packages pin a
 * second copy of query-core, which the first load would download twice.
 */
import { dehydrate, hydrate, type DehydratedState, type Query, type QueryClient } from '@tanstack/react-query';

export const OFFLINE_CACHE_KEY = 'coulisses-offline-cache';
const VERSION = 1;
/** Older than this, a mirror is dropped rather than shown (the "next 14 days"). */
export const OFFLINE_MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;
/** Query key roots readable offline. */
const OFFLINE_ROOTS = new Set<unknown>(['auth', 'my-missions', 'my-planning']);
const WRITE_DELAY_MS = 500;

interface Mirror {
  version: number;
  savedAt: number;
  state: DehydratedState;
}

export function isKeptOffline(query: Query): boolean {
  return OFFLINE_ROOTS.has(query.queryKey[0]) && query.state.status === 'success';
}

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null; // storage disabled by the browser's settings
  }
}

/**
 * Kept queries live as long as the mirror: garbage-collecting an unused one (after
 * five minutes by default) would also drop it from the mirror.
 */
export function keepOfflineQueries(client: QueryClient): void {
  for (const root of OFFLINE_ROOTS) client.setQueryDefaults([root], { gcTime: OFFLINE_MAX_AGE_MS });
}

/** Puts the last mirror back into `client` (call before the first render). */
export function restoreOfflineCache(client: QueryClient, now = Date.now()): void {
  const store = storage();
  const raw = store?.getItem(OFFLINE_CACHE_KEY);
  if (!store || !raw) return;
  try {
    const mirror = JSON.parse(raw) as Mirror;
    if (mirror.version !== VERSION || now - mirror.savedAt > OFFLINE_MAX_AGE_MS) {
      store.removeItem(OFFLINE_CACHE_KEY);
      return;
    }
    hydrate(client, mirror.state);
  } catch {
    store.removeItem(OFFLINE_CACHE_KEY);
  }
}

export function writeOfflineCache(client: QueryClient, now = Date.now()): void {
  const store = storage();
  if (!store) return;
  const state = dehydrate(client, { shouldDehydrateQuery: isKeptOffline });
  try {
    if (state.queries.length === 0) store.removeItem(OFFLINE_CACHE_KEY);
    else store.setItem(OFFLINE_CACHE_KEY, JSON.stringify({ version: VERSION, savedAt: now, state } satisfies Mirror));
  } catch {
    // Storage full: the app works online; it just will not open offline.
  }
}

export function clearOfflineCache(): void {
  storage()?.removeItem(OFFLINE_CACHE_KEY);
}

/** Keeps the mirror in step with the cache (a short delay groups bursts); returns the stop function. */
export function mirrorOfflineCache(client: QueryClient): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const unsubscribe = client.getQueryCache().subscribe((event) => {
    if (!OFFLINE_ROOTS.has(event.query.queryKey[0])) return;
    if (event.type === 'removed') {
      // Signing out clears the cache: the mirror must not outlive it, even for a moment.
      writeOfflineCache(client);
      return;
    }
    if (event.type !== 'updated' || event.action.type !== 'success') return;
    if (timer !== null) return;
    timer = setTimeout(() => {
      timer = null;
      writeOfflineCache(client);
    }, WRITE_DELAY_MS);
  });
  return () => {
    if (timer !== null) clearTimeout(timer);
    unsubscribe();
  };
}

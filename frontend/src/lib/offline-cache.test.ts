import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';

import {
  OFFLINE_CACHE_KEY,
  OFFLINE_MAX_AGE_MS,
  clearOfflineCache,
  keepOfflineQueries,
  mirrorOfflineCache,
  restoreOfflineCache,
  writeOfflineCache,
} from '@/lib/offline-cache';

afterEach(() => localStorage.clear());

function seeded(): QueryClient {
  const client = new QueryClient();
  client.setQueryData(['auth', 'me'], { account: { id: 1 } });
  client.setQueryData(['my-missions', 'assignments'], { items: [{ id: 7 }] });
  client.setQueryData(['planning', { from: '2027-07-01' }], { missions: [] });
  client.setQueryData(['users', 'list'], { items: [{ id: 2, name: 'someone else' }] });
  return client;
}

describe('offline cache', () => {
  it('keeps only the session and My Missions, and puts them back in a new client', () => {
    writeOfflineCache(seeded());
    const stored = localStorage.getItem(OFFLINE_CACHE_KEY)!;
    expect(stored).not.toContain('someone else');
    const next = new QueryClient();
    restoreOfflineCache(next);
    expect(next.getQueryData(['my-missions', 'assignments'])).toEqual({ items: [{ id: 7 }] });
    expect(next.getQueryData(['auth', 'me'])).toEqual({ account: { id: 1 } });
    expect(next.getQueryData(['planning', { from: '2027-07-01' }])).toBeUndefined();
    expect(next.getQueryData(['users', 'list'])).toBeUndefined();
  });

  it('drops a mirror older than its maximum age', () => {
    const savedAt = Date.now();
    writeOfflineCache(seeded(), savedAt);
    const next = new QueryClient();
    restoreOfflineCache(next, savedAt + OFFLINE_MAX_AGE_MS + 1);
    expect(next.getQueryData(['my-missions', 'assignments'])).toBeUndefined();
    expect(localStorage.getItem(OFFLINE_CACHE_KEY)).toBeNull();
  });

  it('follows the cache: clearing it (sign out) empties the mirror at once', () => {
    const client = seeded();
    writeOfflineCache(client);
    const stop = mirrorOfflineCache(client);
    client.clear();
    expect(localStorage.getItem(OFFLINE_CACHE_KEY)).toBeNull();
    stop();
  });

  it('keeps the kept queries in memory as long as the mirror', () => {
    const client = new QueryClient();
    keepOfflineQueries(client);
    expect(client.getQueryDefaults(['my-missions', 'assignments']).gcTime).toBe(OFFLINE_MAX_AGE_MS);
    expect(client.getQueryDefaults(['users', 'list']).gcTime).toBeUndefined();
  });

  it('ignores what it cannot read', () => {
    localStorage.setItem(OFFLINE_CACHE_KEY, '{not json');
    restoreOfflineCache(new QueryClient());
    expect(localStorage.getItem(OFFLINE_CACHE_KEY)).toBeNull();
    writeOfflineCache(seeded());
    clearOfflineCache();
    expect(localStorage.getItem(OFFLINE_CACHE_KEY)).toBeNull();
  });
});

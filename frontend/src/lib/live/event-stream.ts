/**
 * The one live stream of a tab: GET /api/v1/events (Server-Sent Events, session
 * cookies) opened once and shared by every component that listens, closed when
 * the last one leaves. Browsers allow about six HTTP/1.1 connections per origin:
 * one EventSource per listener (planning, notifications, delivery failures) and a
 * few tabs would starve the app's own requests.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';

import { API_PREFIX } from '@/lib/api/client';

export type LiveState = 'connecting' | 'open' | 'closed';
export type LiveHandler = (data: unknown) => void;

interface Stream {
  source: EventSource;
  handlers: Map<string, Set<LiveHandler>>;
  dispatchers: Map<string, (event: MessageEvent<string>) => void>;
  refs: number;
  /** Wait before opening again a stream the browser gave up on (doubles up to RETRY_MAX_MS). */
  retryMs: number;
  retryTimer: ReturnType<typeof setTimeout> | null;
}

/**
 * The browser retries a dropped stream by itself, but gives up for good on an
 * answer that is not a stream (a 401 after a sleep, a 503 while the database is
 * away): the shell listens for the whole session, so open it again, with backoff.
 */
export const RETRY_FIRST_MS = 2_000;
export const RETRY_MAX_MS = 60_000;

let stream: Stream | null = null;
let state: LiveState = 'connecting';
const stateListeners = new Set<() => void>();

function setState(next: LiveState): void {
  if (next === state) return;
  state = next;
  stateListeners.forEach((listener) => listener());
}

function parse(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}

function connect(current: Stream): void {
  const source = new EventSource(`${API_PREFIX}/events`, { withCredentials: true });
  current.source = source;
  current.dispatchers.forEach((dispatch, kind) => source.addEventListener(kind, dispatch));
  source.onopen = () => {
    current.retryMs = RETRY_FIRST_MS;
    setState('open');
  };
  source.onerror = () => {
    if (source.readyState !== EventSource.CLOSED) {
      // EventSource reconnects by itself (with Last-Event-ID); say so meanwhile.
      setState('connecting');
      return;
    }
    setState('closed');
    if (current.retryTimer !== null || stream !== current) return;
    current.retryTimer = setTimeout(() => {
      current.retryTimer = null;
      if (stream !== current) return;
      current.dispatchers.forEach((dispatch, kind) => source.removeEventListener(kind, dispatch));
      setState('connecting');
      connect(current);
    }, current.retryMs);
    current.retryMs = Math.min(current.retryMs * 2, RETRY_MAX_MS);
  };
}

/**
 * Leaving the page (navigation, reload, tab closed) would let the browser abort
 * the open request, which it reports as a failed request: close the stream first.
 * A page restored from the back/forward cache opens it again.
 */
function onPageHide(): void {
  if (!stream) return;
  if (stream.retryTimer !== null) clearTimeout(stream.retryTimer);
  stream.retryTimer = null;
  stream.source.close();
  setState('closed');
}

function onPageShow(event: PageTransitionEvent): void {
  if (!event.persisted || !stream || stream.source.readyState !== EventSource.CLOSED) return;
  setState('connecting');
  stream.dispatchers.forEach((dispatch, kind) => stream?.source.removeEventListener(kind, dispatch));
  connect(stream);
}

let pageListeners = false;

function listenToPage(): void {
  if (pageListeners || typeof window === 'undefined') return;
  pageListeners = true;
  window.addEventListener('pagehide', onPageHide);
  window.addEventListener('pageshow', onPageShow);
}

function open(): Stream {
  const current: Stream = {
    source: null as unknown as EventSource,
    handlers: new Map(),
    dispatchers: new Map(),
    refs: 0,
    retryMs: RETRY_FIRST_MS,
    retryTimer: null,
  };
  connect(current);
  return current;
}

/**
 * Calls each handler with the parsed `data` of the events of its kind; returns
 * the unsubscribe function. Without EventSource (tests, old browsers) nothing happens.
 */
export function subscribeLive(handlers: Record<string, LiveHandler>): () => void {
  if (typeof EventSource === 'undefined') return () => undefined;
  if (!stream) {
    setState('connecting');
    listenToPage();
    stream = open();
  }
  const current = stream;
  current.refs += 1;
  for (const [kind, handler] of Object.entries(handlers)) {
    let set = current.handlers.get(kind);
    if (!set) {
      const own = new Set<LiveHandler>();
      set = own;
      current.handlers.set(kind, own);
      const dispatch = (event: MessageEvent<string>) => {
        const data = parse(event.data);
        [...own].forEach((h) => h(data));
      };
      current.dispatchers.set(kind, dispatch);
      current.source.addEventListener(kind, dispatch);
    }
    set.add(handler);
  }
  return () => {
    for (const [kind, handler] of Object.entries(handlers)) current.handlers.get(kind)?.delete(handler);
    current.refs -= 1;
    if (current.refs > 0) return;
    current.dispatchers.forEach((dispatch, kind) => current.source.removeEventListener(kind, dispatch));
    current.source.close();
    if (current.retryTimer !== null) clearTimeout(current.retryTimer);
    current.retryTimer = null;
    if (stream === current) stream = null;
    setState('connecting');
  };
}

export function getLiveState(): LiveState {
  return state;
}

function subscribeState(listener: () => void): () => void {
  stateListeners.add(listener);
  return () => stateListeners.delete(listener);
}

/**
 * Listens to the kinds of `handlers` on the shared stream while `enabled`; the
 * handlers may change on each render (the latest ones are called). Returns the
 * stream's state.
 */
export function useLiveEvents(handlers: Record<string, LiveHandler>, enabled = true): LiveState {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  const kinds = Object.keys(handlers).sort().join(',');
  useEffect(() => {
    if (!enabled || !kinds) return;
    const bound: Record<string, LiveHandler> = {};
    for (const kind of kinds.split(',')) bound[kind] = (data) => latest.current[kind]?.(data);
    return subscribeLive(bound);
  }, [enabled, kinds]);
  return useSyncExternalStore(subscribeState, getLiveState, getLiveState);
}

/**
 * The one way the app talks to the API: same-origin cookies, the CSRF header on
 * unsafe methods, one silent refresh on 401, and ApiError for every failure.
 */
import { ApiError, NETWORK_ERROR, toApiError } from '@/lib/api/api-error';

export const API_PREFIX = '/api/v1';
export const CSRF_COOKIE = 'cc_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';
const REFRESH_PATH = `${API_PREFIX}/auth/refresh`;
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not try a refresh on 401 (login, password reset: a 401 there is the answer). */
  skipRefresh?: boolean;
}

export function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  // A FormData body (a file upload) sets its own multipart Content-Type with its boundary.
  const isForm = typeof FormData !== 'undefined' && options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  if (UNSAFE_METHODS.has(method)) {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers[CSRF_HEADER] = csrf;
  }
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : isForm ? (options.body as FormData) : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, NETWORK_ERROR, 'The server could not be reached');
  }
}

type Listener = () => void;
const expiredListeners = new Set<Listener>();

/** Called when a refresh fails: the session is over (route guards send the user to login). */
export function onSessionExpired(listener: Listener): () => void {
  expiredListeners.add(listener);
  return () => {
    expiredListeners.delete(listener);
  };
}

let inflight: Promise<boolean> | null = null;

async function doRefresh(): Promise<boolean> {
  // cc_csrf lives as long as the refresh cookie: without it there is no session to renew
  // (and the server would refuse the POST anyway).
  if (!readCookie(CSRF_COOKIE)) return false;
  const response = await send(REFRESH_PATH, { method: 'POST' }).catch(() => null);
  return response?.ok ?? false;
}

/**
 * Rotates the refresh token once, however many requests are waiting for it.
 * The server revokes the whole session when a rotated token is replayed, so two
 * refreshes must never race: one promise per tab, and a Web Lock across tabs.
 */
export function refreshSession(): Promise<boolean> {
  if (inflight) return inflight;
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  const run = locks ? locks.request('coulisses-refresh', doRefresh) : doRefresh();
  inflight = run
    .then((ok) => {
      if (!ok) expiredListeners.forEach((listener) => listener());
      return ok;
    })
    .finally(() => {
      inflight = null;
    });
  return inflight;
}

/** Fetches `path` (absolute, e.g. `/api/v1/auth/me`) and returns its JSON body. */
export async function apiFetch<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(path, options);
  if (response.status === 401 && !options.skipRefresh && path !== REFRESH_PATH) {
    if (await refreshSession()) response = await send(path, options);
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A file the API sent (a zip export): its bytes and the name the server gave it. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string | null;
}

/** Fetches `path` as a file, with the same refresh and error rules as `apiFetch`. */
export async function apiDownload(path: string): Promise<DownloadedFile> {
  let response = await send(path, { method: 'GET' });
  if (response.status === 401 && path !== REFRESH_PATH) {
    if (await refreshSession()) response = await send(path, { method: 'GET' });
  }
  if (!response.ok) throw await toApiError(response);
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const match = /filename="([^"]+)"/.exec(disposition);
  return { blob: await response.blob(), fileName: match?.[1] ?? null };
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiFetch<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiFetch<T>(path, { ...options, method: 'POST', body }),
  patch: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiFetch<T>(path, { ...options, method: 'PATCH', body }),
  put: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiFetch<T>(path, { ...options, method: 'PUT', body }),
  delete: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiFetch<T>(path, { ...options, method: 'DELETE' }),
};

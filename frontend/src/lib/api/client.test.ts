import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { ApiError } from '@/lib/api/api-error';
import { apiFetch, onSessionExpired, refreshSession } from '@/lib/api/client';
import { jsonResponse } from '@/testing/render';

type Call = { url: string; init: RequestInit };

function mockFetch(...responses: Array<Response | (() => Response)>) {
  const calls: Call[] = [];
  const queue = [...responses];
  const fetchMock = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    const next = queue.shift();
    if (!next) throw new Error(`unexpected fetch ${String(url)}`);
    return typeof next === 'function' ? next() : next;
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

function header(call: Call | undefined, name: string): string | undefined {
  return (call?.init.headers as Record<string, string> | undefined)?.[name];
}

beforeEach(() => {
  document.cookie = 'cc_csrf=csrf-123; path=/';
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiFetch', () => {
  it('sends the CSRF cookie as X-CSRF-Token on unsafe methods only', async () => {
    const calls = mockFetch(jsonResponse({ ok: 1 }), jsonResponse({ ok: 2 }), jsonResponse({}, 204));
    await apiFetch('/api/v1/orgs/current');
    await apiFetch('/api/v1/orgs/current/members', { method: 'POST', body: { email: 'a@b.fr' } });
    await apiFetch('/api/v1/orgs/current/members/3', { method: 'DELETE' });
    expect(header(calls[0], 'X-CSRF-Token')).toBeUndefined();
    expect(header(calls[1], 'X-CSRF-Token')).toBe('csrf-123');
    expect(header(calls[1], 'Content-Type')).toBe('application/json');
    expect(calls[1]?.init.body).toBe('{"email":"a@b.fr"}');
    expect(header(calls[2], 'X-CSRF-Token')).toBe('csrf-123');
    expect(calls.every((call) => call.init.credentials === 'same-origin')).toBe(true);
  });

  it('returns undefined for 204 No Content', async () => {
    mockFetch(new Response(null, { status: 204 }));
    await expect(apiFetch('/api/v1/x', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('on 401 refreshes the session once, then retries the request', async () => {
    const calls = mockFetch(
      jsonResponse({ error: { code: 'auth.unauthenticated', message: 'Authentication required' } }, 401),
      jsonResponse({ account_id: 1 }),
      jsonResponse({ account: { id: 1 } }),
    );
    await expect(apiFetch('/api/v1/auth/me')).resolves.toEqual({ account: { id: 1 } });
    expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([
      'GET /api/v1/auth/me',
      'POST /api/v1/auth/refresh',
      'GET /api/v1/auth/me',
    ]);
    expect(header(calls[1], 'X-CSRF-Token')).toBe('csrf-123');
  });

  it('shares one refresh between concurrent 401s (a replayed refresh token revokes the session)', async () => {
    const unauthorized = () =>
      jsonResponse({ error: { code: 'auth.unauthenticated', message: 'no' } }, 401);
    const calls = mockFetch(unauthorized, unauthorized, jsonResponse({}), jsonResponse({ a: 1 }), jsonResponse({ b: 2 }));
    const [a, b] = await Promise.all([apiFetch('/api/v1/a'), apiFetch('/api/v1/b')]);
    expect([a, b]).toEqual([{ a: 1 }, { b: 2 }]);
    expect(calls.filter((c) => c.url.endsWith('/auth/refresh'))).toHaveLength(1);
  });

  it('gives up after a failed refresh: the 401 is thrown and listeners hear the session ended', async () => {
    const expired = vi.fn();
    const stop = onSessionExpired(expired);
    const calls = mockFetch(
      jsonResponse({ error: { code: 'auth.unauthenticated', message: 'Authentication required' } }, 401),
      jsonResponse({ error: { code: 'auth.invalid_refresh', message: 'No refresh token' } }, 401),
    );
    const error = await apiFetch('/api/v1/auth/me').catch((e: unknown) => e);
    stop();
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('auth.unauthenticated');
    expect(calls).toHaveLength(2);
    expect(expired).toHaveBeenCalledOnce();
  });

  it('does not refresh when told not to (a 401 from login means wrong credentials)', async () => {
    const calls = mockFetch(
      jsonResponse({ error: { code: 'auth.invalid_credentials', message: 'Wrong email or password' } }, 401),
    );
    const error = await apiFetch('/api/v1/auth/login', {
      method: 'POST',
      body: {},
      skipRefresh: true,
    }).catch((e: unknown) => e);
    expect((error as ApiError).code).toBe('auth.invalid_credentials');
    expect(calls).toHaveLength(1);
  });

  it('does not try to refresh without a session cookie', async () => {
    document.cookie = 'cc_csrf=; max-age=0; path=/';
    const calls = mockFetch();
    await expect(refreshSession()).resolves.toBe(false);
    expect(calls).toHaveLength(0);
  });

  it('parses the error shape into ApiError with code, message, status and field details', async () => {
    mockFetch(
      jsonResponse(
        {
          error: {
            code: 'plugin.invalid_config',
            message: 'Invalid config for plugin hello',
            details: [
              {
                field: 'greeting',
                message: 'String should have at least 1 character',
                code: 'field.too_short',
                params: { min: 1 },
              },
            ],
          },
        },
        422,
      ),
    );
    const error = (await apiFetch('/api/v1/orgs/current/plugins/hello', {
      method: 'PATCH',
      body: { config: { greeting: '' } },
    }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(422);
    expect(error.code).toBe('plugin.invalid_config');
    expect(error.message).toBe('Invalid config for plugin hello');
    expect(error.fieldErrors()).toEqual({ greeting: { field: 'greeting', code: 'field.too_short', params: { min: 1 } } });
  });

  it('turns a non-JSON failure and a network failure into ApiErrors too', async () => {
    mockFetch(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    const gateway = (await apiFetch('/api/v1/x').catch((e: unknown) => e)) as ApiError;
    expect(gateway.code).toBe('http.502');
    expect(gateway.message).toBe('Bad Gateway');

    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const network = (await apiFetch('/api/v1/x').catch((e: unknown) => e)) as ApiError;
    expect(network.code).toBe('network.unreachable');
    expect(network.status).toBe(0);
  });
});

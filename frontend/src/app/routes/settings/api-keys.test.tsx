import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { AppLayout } from '@/app/routes/app-layout';
import { ApiKeysRoute } from '@/app/routes/settings/api-keys';
import fr from '@/locales/fr.json';
import { actionsOf } from '@/testing/actions';
import { FakeEventSource } from '@/testing/fake-event-source';
import { jsonResponse, pageResponse } from '@/testing/render';

const ORG = { id: 1, name: 'Festival', slug: 'festival', timezone: 'Europe/Paris', locale: 'fr' };
const CLEAR = 'ck_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg';

const key = (id: number, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  prefix: 'ck_AbCd',
  scopes: ['missions:read'],
  created_by: { account_id: 3, email: 'camille@example.org', display_name: 'Camille Roux' },
  created_at: '2027-01-05T10:00:00Z',
  expires_at: null,
  last_used_at: null,
  revoked_at: null,
  ...extra,
});

type Answer = (init: RequestInit | undefined) => Response;

function serve(role: string, answers: Record<string, Answer> = {}) {
  return vi.fn(async (url: string, init?: RequestInit) => {
    const path = new URL(url, 'http://x').pathname;
    const method = init?.method ?? 'GET';
    const answer = answers[`${method} ${path}`];
    if (answer) return answer(init);
    if (path === '/api/v1/auth/me') {
      return jsonResponse({
        account: { id: 3, email: 'camille@example.org', first_name: 'Camille', last_name: 'Roux', is_superuser: false },
        orgs: [{ ...ORG, role }],
        active_org_id: ORG.id,
        role,
        actions: actionsOf(role),
      });
    }
    if (path === '/api/v1/orgs/current/api-keys' && method === 'GET') {
      return pageResponse([key(2, 'Export paie', { last_used_at: '2027-01-06T08:00:00Z' }), key(1, 'Ancien script', { revoked_at: '2027-01-04T08:00:00Z' })]);
    }
    if (path === '/api/v1/orgs/current/manifest') return jsonResponse({ plugins: [], menu: [] });
    return jsonResponse({ error: { code: 'not_found', message: 'Not found' } }, 404);
  });
}

function renderAt(path: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/" element={<AppLayout />}>
            <Route index element={<p>home</p>} />
            <Route path="settings/api-keys" element={<ApiKeysRoute />} />
          </Route>
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

function calls(fetchMock: ReturnType<typeof serve>, method: string) {
  return fetchMock.mock.calls.filter(([url, init]) => String(url).startsWith('/api/v1/orgs/current/api-keys') && (init?.method ?? 'GET') === method);
}

beforeEach(() => vi.stubGlobal('EventSource', FakeEventSource));
afterEach(() => vi.unstubAllGlobals());

describe('API keys screen', () => {
  it.each(['owner', 'admin'])('is in the menu of an %s and lists the keys with their state', async (role) => {
    vi.stubGlobal('fetch', serve(role));
    renderAt('/settings/api-keys');
    const nav = await screen.findByRole('navigation', { name: fr.nav_label });
    expect(within(nav).getByRole('link', { name: fr.nav_api_keys })).toHaveAttribute('href', '/settings/api-keys');
    const active = (await screen.findByText('Export paie')).closest('tr')!;
    expect(within(active).getByText(fr.api_keys_state_active)).toBeInTheDocument();
    expect(within(active).getByText('ck_AbCd...')).toBeInTheDocument();
    expect(within(active).getByText('missions:read')).toBeInTheDocument();
    expect(within(active).getByText('Camille Roux')).toBeInTheDocument();
    const revoked = screen.getByText('Ancien script').closest('tr')!;
    expect(within(revoked).getByText(fr.api_keys_state_revoked)).toBeInTheDocument();
    expect(within(revoked).queryByRole('button', { name: /R\u00e9voquer/ })).not.toBeInTheDocument();
  });

  it('creates a key from the ticked rights and shows its value once, with a copy button', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const fetchMock = serve('admin', {
      'POST /api/v1/orgs/current/api-keys': () => jsonResponse({ ...key(3, 'Paie'), scopes: ['missions:read', 'missions:write'], key: CLEAR }, 201),
    });
    vi.stubGlobal('fetch', fetchMock);
    renderAt('/settings/api-keys');
    const form = await screen.findByRole('form', { name: fr.api_keys_create_title });
    await user.type(within(form).getByLabelText(fr.api_keys_field_name), 'Paie');
    const box = (template: string, area: string) => ({ name: template.replace('{area}', area) });
    await user.click(within(form).getByRole('checkbox', box(fr.api_keys_scope_read_of, fr.api_keys_area_missions)));
    await user.click(within(form).getByRole('checkbox', box(fr.api_keys_scope_write_of, fr.api_keys_area_missions)));
    // the audit log is read only
    expect(within(form).queryByRole('checkbox', box(fr.api_keys_scope_write_of, fr.api_keys_area_audit))).not.toBeInTheDocument();
    await user.selectOptions(within(form).getByLabelText(fr.api_keys_field_expiry), '90');
    await user.click(within(form).getByRole('button', { name: fr.api_keys_create_submit }));

    const value = await screen.findByRole('textbox', { name: fr.api_keys_created_value });
    expect(value).toHaveValue(CLEAR);
    expect(screen.getByText(fr.api_keys_created_warning)).toBeInTheDocument();
    const posts = calls(fetchMock, 'POST');
    expect(posts).toHaveLength(1);
    const body = JSON.parse(String(posts[0]?.[1]?.body)) as { name: string; scopes: string[]; expires_at: string };
    expect(body.name).toBe('Paie');
    expect(body.scopes).toEqual(['missions:read', 'missions:write']);
    const days = (Date.parse(body.expires_at) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThan(90.1);

    await user.click(screen.getByRole('button', { name: fr.api_keys_copy }));
    expect(writeText).toHaveBeenCalledWith(CLEAR);
    expect(await screen.findByText(fr.api_keys_copied)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: fr.api_keys_created_done }));
    expect(screen.queryByDisplayValue(CLEAR)).not.toBeInTheDocument();
    expect(document.body.textContent).not.toContain(CLEAR);
  });

  it('asks for a name and a right before calling the API', async () => {
    const user = userEvent.setup();
    const fetchMock = serve('owner');
    vi.stubGlobal('fetch', fetchMock);
    renderAt('/settings/api-keys');
    const form = await screen.findByRole('form', { name: fr.api_keys_create_title });
    await user.click(within(form).getByRole('button', { name: fr.api_keys_create_submit }));
    expect(within(form).getByText(fr.api_keys_scopes_required)).toBeInTheDocument();
    expect(within(form).getByText(fr.form_required)).toBeInTheDocument();
    expect(calls(fetchMock, 'POST')).toHaveLength(0);
  });

  it('words the API refusal from its code', async () => {
    const user = userEvent.setup();
    vi.stubGlobal(
      'fetch',
      serve('owner', {
        'POST /api/v1/orgs/current/api-keys': () =>
          jsonResponse({ error: { code: 'api_key.invalid_expiry', message: 'expires_at must be in the future', details: { field: 'expires_at' } } }, 422),
      }),
    );
    renderAt('/settings/api-keys');
    const form = await screen.findByRole('form', { name: fr.api_keys_create_title });
    await user.type(within(form).getByLabelText(fr.api_keys_field_name), 'Paie');
    await user.click(within(form).getByRole('checkbox', { name: fr.api_keys_scope_read_of.replace('{area}', fr.api_keys_area_audit) }));
    await user.click(within(form).getByRole('button', { name: fr.api_keys_create_submit }));
    expect(await within(form).findByText(fr.error_api_key_invalid_expiry)).toBeInTheDocument();
  });

  it('revokes a key after confirmation', async () => {
    const user = userEvent.setup();
    const fetchMock = serve('admin', { 'DELETE /api/v1/orgs/current/api-keys/2': () => jsonResponse(null, 204) });
    vi.stubGlobal('fetch', fetchMock);
    renderAt('/settings/api-keys');
    await user.click(await screen.findByRole('button', { name: fr.api_keys_revoke_of.replace('{name}', 'Export paie') }));
    const dialog = await screen.findByRole('dialog', { name: fr.api_keys_revoke_title });
    expect(calls(fetchMock, 'DELETE')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: fr.api_keys_revoke }));
    await waitFor(() => expect(calls(fetchMock, 'DELETE')).toHaveLength(1));
  });

  it.each(['manager', 'tech'])('is hidden from a %s, and the page says why without asking the API', async (role) => {
    const fetchMock = serve(role);
    vi.stubGlobal('fetch', fetchMock);
    renderAt('/settings/api-keys');
    const nav = await screen.findByRole('navigation', { name: fr.nav_label });
    expect(within(nav).queryByRole('link', { name: fr.nav_api_keys })).not.toBeInTheDocument();
    expect(await screen.findByText(fr.api_keys_forbidden)).toBeInTheDocument();
    expect(calls(fetchMock, 'GET')).toHaveLength(0);
  });
});

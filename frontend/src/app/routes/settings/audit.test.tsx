import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { AppLayout } from '@/app/routes/app-layout';
import { AuditRoute } from '@/app/routes/settings/audit';
import fr from '@/locales/fr.json';
import { actionsOf } from '@/testing/actions';
import { FakeEventSource } from '@/testing/fake-event-source';
import { jsonResponse, pageResponse } from '@/testing/render';

const ORG = { id: 1, name: 'Festival', slug: 'festival', timezone: 'Europe/Paris', locale: 'fr' };

function serve(role: string) {
  return vi.fn(async (url: string) => {
    const path = new URL(url, 'http://x').pathname;
    if (path === '/api/v1/auth/me') {
      return jsonResponse({
        account: { id: 3, email: 'camille@example.org', first_name: 'Camille', last_name: 'Roux', is_superuser: false },
        orgs: [{ ...ORG, role }],
        active_org_id: ORG.id,
        role,
        actions: actionsOf(role),
      });
    }
    if (path === '/api/v1/orgs/current/members') {
      return pageResponse([
        { account_id: 3, email: 'camille@example.org', first_name: 'Camille', last_name: 'Roux', role, joined_at: '2027-01-01T00:00:00Z' },
      ]);
    }
    if (path === '/api/v1/audit') return jsonResponse({ items: [], page: 1, page_size: 50, total: 0, next_cursor: null });
    if (path === '/api/v1/orgs/current/manifest') return jsonResponse({ plugins: [], menu: [] });
    return jsonResponse({ error: { code: 'not_found', message: 'Not found' } }, 404);
  });
}

function renderAt(path: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/" element={<AppLayout />}>
            <Route index element={<p>home</p>} />
            <Route path="settings/audit" element={<AuditRoute />} />
          </Route>
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

beforeEach(() => vi.stubGlobal('EventSource', FakeEventSource));
afterEach(() => vi.unstubAllGlobals());

describe('Audit log screen', () => {
  it.each(['owner', 'admin'])('is in the menu of an %s and lists the log with members as authors', async (role) => {
    const fetchMock = serve(role);
    vi.stubGlobal('fetch', fetchMock);
    renderAt('/settings/audit');
    const nav = await screen.findByRole('navigation', { name: fr.nav_label });
    expect(within(nav).getByRole('link', { name: fr.nav_audit })).toHaveAttribute('href', '/settings/audit');
    expect(await screen.findByText(fr.audit_empty)).toBeInTheDocument();
    expect(await screen.findByRole('option', { name: 'Camille Roux (camille@example.org)' })).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/audit?page_size=50', expect.anything());
  });

  it.each(['manager', 'tech'])('is hidden from a %s, and the page says why without asking the API', async (role) => {
    const fetchMock = serve(role);
    vi.stubGlobal('fetch', fetchMock);
    renderAt('/settings/audit');
    const nav = await screen.findByRole('navigation', { name: fr.nav_label });
    expect(within(nav).getByRole('link', { name: fr.nav_members })).toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: fr.nav_audit })).not.toBeInTheDocument();
    expect(await screen.findByText(fr.audit_forbidden)).toBeInTheDocument();
    const urls = fetchMock.mock.calls.map(([url]) => String(url));
    expect(urls.some((url) => url.startsWith('/api/v1/audit'))).toBe(false);
  });
});

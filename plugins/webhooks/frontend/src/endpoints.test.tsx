import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { PluginModuleView } from '@/features/plugins/components/plugin-module-page';
import { useLocaleStore } from '@/lib/i18n/locale-store';
import { jsonResponse, pageResponse, renderWithProviders } from '@/testing/render';
import fr from '@/locales/fr.json';

import { text } from './catalog';
import WebhooksPage from './endpoints';

afterEach(() => {
  vi.unstubAllGlobals();
  act(() => useLocaleStore.getState().setLocale('fr'));
});

const endpoint = {
  id: 4,
  url: 'https://erp.example.org/coulisses',
  description: 'ERP',
  event_types: ['*'],
  active: true,
  consecutive_failures: 0,
  disabled_reason: null,
  created_at: '2027-07-01T09:00:00Z',
  updated_at: '2027-07-01T09:00:00Z',
};

const delivery = {
  id: 9,
  endpoint_id: 4,
  event_id: 'e-1',
  event_type: 'webhooks.ping',
  status: 'failed',
  attempts: 3,
  last_http_status: 500,
  last_error: null,
  last_response: null,
  next_attempt_at: null,
  delivered_at: null,
  created_at: '2027-07-01T09:05:00Z',
};

function api(endpoints: (typeof endpoint)[]) {
  const calls: { url: string; method: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const body = init?.body ? (JSON.parse(String(init.body)) as unknown) : undefined;
      calls.push({ url, method, body });
      if (url === '/api/v1/webhooks/event_types') return jsonResponse({ event_types: ['*', 'MissionChanged', 'AssignmentAccepted'] });
      if (url.startsWith('/api/v1/webhooks/endpoints?')) return pageResponse(endpoints);
      if (url === '/api/v1/webhooks/endpoints' && method === 'POST') {
        const made = { ...endpoint, id: 5, ...(body as object), secret: 'whsec_new' };
        endpoints.push(made);
        return jsonResponse(made, 201);
      }
      if (url.endsWith('/rotate_secret')) return jsonResponse({ ...endpoint, secret: 'whsec_rotated' });
      if (url.endsWith('/deliveries/9/redeliver')) return jsonResponse({ ...delivery, status: 'pending' }, 202);
      if (url.includes('/deliveries?')) return pageResponse([delivery]);
      if (url.endsWith('/ping')) return jsonResponse({ ...delivery, status: 'pending' }, 202);
      if (method === 'DELETE') {
        endpoints.splice(0, endpoints.length);
        return jsonResponse(null, 204);
      }
      if (method === 'PATCH') return jsonResponse({ ...endpoint, ...(body as object) });
      return jsonResponse({ error: { code: 'unexpected', message: url } }, 404);
    }),
  );
  return calls;
}

describe('WebhooksPage', () => {
  it('adds an endpoint for chosen events and shows its secret once', async () => {
    const user = userEvent.setup();
    const calls = api([]);
    renderWithProviders(<WebhooksPage />);

    expect(await screen.findByRole('heading', { level: 1, name: text('fr', 'title') })).toBeInTheDocument();
    expect(await screen.findByText(text('fr', 'empty'))).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: text('fr', 'create') }));
    expect(await screen.findByText(fr.form_required)).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    await user.type(screen.getByLabelText(text('fr', 'url')), 'https://paie.example.org/hook');
    await user.click(screen.getByRole('checkbox', { name: text('fr', 'all_events') }));
    await user.click(screen.getByRole('button', { name: text('fr', 'create') }));
    expect(await screen.findByText(text('fr', 'events_required'))).toBeInTheDocument();
    await user.click(await screen.findByRole('checkbox', { name: 'MissionChanged' }));
    await user.click(screen.getByRole('button', { name: text('fr', 'create') }));

    expect(await screen.findByText('whsec_new')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      url: 'https://paie.example.org/hook',
      description: '',
      event_types: ['MissionChanged'],
    });
    await user.click(screen.getByRole('button', { name: text('fr', 'hide_secret') }));
    expect(screen.queryByText('whsec_new')).not.toBeInTheDocument();
  });

  it('tests, reads the log, sends again, rotates after confirming and deletes', async () => {
    const user = userEvent.setup();
    const calls = api([{ ...endpoint }]);
    renderWithProviders(<WebhooksPage />);

    const actions = await screen.findByRole('group', { name: text('fr', 'actions_of', { url: endpoint.url }) });
    await user.click(within(actions).getByRole('button', { name: text('fr', 'ping') }));
    expect(await screen.findByText(text('fr', 'ping_sent'))).toBeInTheDocument();
    const log = await screen.findByRole('region', { name: text('fr', 'log_of', { url: endpoint.url }) });
    expect(within(log).getByText(text('fr', 'status_failed'))).toBeInTheDocument();
    await user.click(within(log).getByRole('button', { name: text('fr', 'redeliver_of', { event: 'webhooks.ping' }) }));
    await waitFor(() => expect(calls.some((c) => c.url.endsWith('/deliveries/9/redeliver'))).toBe(true));

    await user.click(within(actions).getByRole('button', { name: text('fr', 'rotate') }));
    const dialog = await screen.findByRole('dialog', { name: text('fr', 'rotate_title', { url: endpoint.url }) });
    await user.click(within(dialog).getByRole('button', { name: text('fr', 'rotate') }));
    expect(await screen.findByText('whsec_rotated')).toBeInTheDocument();

    await user.click(within(actions).getByRole('button', { name: text('fr', 'delete') }));
    const confirm = await screen.findByRole('dialog', { name: text('fr', 'delete_title', { url: endpoint.url }) });
    await user.click(within(confirm).getByRole('button', { name: text('fr', 'delete') }));
    expect(await screen.findByText(text('fr', 'empty'))).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'DELETE' && c.url === '/api/v1/webhooks/endpoints/4')).toBe(true);
  });
});

describe('the built webhooks module', () => {
  it('endpoints.js renders the page with the host', async () => {
    api([{ ...endpoint }]);
    const built = new URL('../../src/coulisses_webhooks/web/endpoints.js', import.meta.url).pathname;
    renderWithProviders(<PluginModuleView url={built} importer={(url: string) => import(/* @vite-ignore */ url)} />);
    expect(await screen.findByRole('heading', { level: 1, name: text('fr', 'title') })).toBeInTheDocument();
    expect(await screen.findByText(endpoint.url)).toBeInTheDocument();
  });
});

/**
 * The committed bundles (src/coulisses_payroll/web/*.js, what the wheel ships), not
 * the sources: loaded by the web app's own loader with its real host, it renders.
 * `dev.py lint` checks it is rebuilt from these sources; this checks it works.
 */
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { PluginModuleView } from '@/features/plugins/components/plugin-module-page';
import { jsonResponse, renderWithProviders } from '@/testing/render';

import { text } from './catalog';

afterEach(() => vi.unstubAllGlobals());

/** Imports a built module by its file path, as the browser imports its URL. */
const importBuilt = (url: string) => import(/* @vite-ignore */ url);
const built = (name: string) => new URL(`../../src/coulisses_payroll/web/${name}`, import.meta.url).pathname;

describe('the built payroll module', () => {
  it('timesheets.js renders the timesheets page with the host', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (url === '/api/v1/auth/me') return jsonResponse({ role: 'tech' });
        return jsonResponse({ items: [], total: 0, timezone: 'Europe/Paris' });
      }),
    );
    renderWithProviders(<PluginModuleView url={built('timesheets.js')} importer={importBuilt} />);
    expect(await screen.findByRole('heading', { level: 1, name: text('fr', 'title') })).toBeInTheDocument();
    expect(await screen.findByText(text('fr', 'empty_mine'))).toBeInTheDocument();
  });

  it('exports.js renders the exports page with the host', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (url === '/api/v1/auth/me') return jsonResponse({ role: 'tech' });
        return jsonResponse({ items: [], total: 0 });
      }),
    );
    renderWithProviders(<PluginModuleView url={built('exports.js')} importer={importBuilt} />);
    expect(await screen.findByRole('heading', { level: 1, name: text('fr', 'exports_title') })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: text('fr', 'export_mine_pdf') })).toBeInTheDocument();
    expect(await screen.findByText(text('fr', 'exports_empty'))).toBeInTheDocument();
  });

  it('intermittents.js renders the intermittents page with the host', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (url === '/api/v1/auth/me') return jsonResponse({ role: 'tech' });
        return jsonResponse({ items: [], total: 0, as_of: '2027-07-31' });
      }),
    );
    renderWithProviders(<PluginModuleView url={built('intermittents.js')} importer={importBuilt} />);
    expect(await screen.findByRole('heading', { level: 1, name: text('fr', 'intermittents_title') })).toBeInTheDocument();
    expect(await screen.findByText(text('fr', 'intermittents_empty'))).toBeInTheDocument();
  });

  it('dpae.js renders the dashboard card with the host', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse({
          items: [
            {
              user_id: 1,
              name: 'Zoe Bernard',
              project_id: 5,
              project_name: 'Festival',
              first_day: '2027-07-01',
              last_day: '2027-07-01',
              first_start: '2027-07-01T12:00:00Z',
              last_end: '2027-07-01T16:00:00Z',
              missions: 1,
              assignment_ids: [1],
              planned_minutes: 240,
              dpae: { status: 'overdue', opens_at: '2027-06-23T12:00:00Z', due_at: '2027-07-01T12:00:00Z', id: null, declared_on: null, reference: null },
            },
          ],
          total: 1,
          from_day: '2027-06-01',
          to_day: '2027-08-30',
        }),
      ),
    );
    renderWithProviders(<PluginModuleView url={built('dpae.js')} importer={importBuilt} />);
    expect(await screen.findByText(text('fr', 'dashboard_dpae_title'))).toBeInTheDocument();
    expect(await screen.findByText('Zoe Bernard')).toBeInTheDocument();
  });

  it('accounting.js renders the accounting page with the host', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (url.startsWith('/api/v1/projects')) return jsonResponse({ items: [], total: 0 });
        return jsonResponse({ items: [], total: 0, month: '2027-07', timezone: 'Europe/Paris', totals: [] });
      }),
    );
    renderWithProviders(<PluginModuleView url={built('accounting.js')} importer={importBuilt} />);
    expect(await screen.findByRole('heading', { level: 1, name: text('fr', 'accounting_title') })).toBeInTheDocument();
    expect(await screen.findByText(text('fr', 'accounting_empty'))).toBeInTheDocument();
  });
});

import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { jsonResponse, pageResponse, renderWithProviders } from '@/testing/render';
import fr from '@/locales/fr.json';
import { PluginPage } from '@/features/plugins/components/plugin-page';

const plugin = (name: string, enabled: boolean) => ({
  name,
  enabled,
  version: '0.1.0',
  title: 'Payroll',
  titles: { fr: 'Paie', en: 'Payroll' },
  description: 'Monthly totals',
  descriptions: { fr: 'Totaux du mois par personne', en: 'Monthly totals per person' },
  depends_on: [],
  config: {},
  config_schema: {},
});

const entry = (path: string, label: string, module_url: string | null) => ({
  path,
  label: { fr: label },
  plugin: 'payroll',
  section: 'main',
  min_role: 'admin',
  module_url,
  wide: false,
});

function serve(enabled: boolean) {
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const url = String(input);
    if (url.includes('/orgs/current/manifest')) {
      return jsonResponse({
        menu: [
          entry('/plugins/payroll/accounting', 'Comptabilite', '/plugins/payroll/assets/accounting.js'),
          entry('/plugins/payroll', 'Paie', null),
        ],
        widgets: [],
      });
    }
    return pageResponse([plugin('payroll', enabled)]);
  });
}

afterEach(() => vi.restoreAllMocks());

describe('PluginPage', () => {
  it("names the plugin, says what it does, links its screens and its settings", async () => {
    serve(true);
    renderWithProviders(<PluginPage name="payroll" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Paie' })).toBeInTheDocument();
    expect(screen.getByText('Totaux du mois par personne')).toBeInTheDocument();
    const screens = await screen.findByRole('navigation', { name: fr.plugin_page_screens });
    // Only the entries that are screens (a module), not the entry leading here.
    expect([...screens.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Comptabilite', '/plugins/payroll/accounting'],
    ]);
    expect(screen.getByRole('link', { name: fr.nav_plugins })).toHaveAttribute('href', '/settings/plugins');
  });

  it('keeps a heading when the plugin is not enabled', async () => {
    serve(false);
    renderWithProviders(<PluginPage name="payroll" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Paie' })).toBeInTheDocument();
    expect(screen.getByText(fr.plugin_page_unavailable)).toBeInTheDocument();
  });
});

import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentType } from 'react';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { HOST_GLOBAL, type CoulissesHost } from '@coulisses/plugin-ui/host';
import { useLocaleStore } from '@/lib/i18n/locale-store';
import { translate } from '@/lib/i18n/translate';
import { renderWithProviders, jsonResponse } from '@/testing/render';
import type { ManifestMenuEntry } from '@/features/plugins/api/get-frontend-manifest';
import { PluginModuleView } from '@/features/plugins/components/plugin-module-page';
import { findPluginPage } from '@/features/plugins/utils/find-plugin-page';
import { loadPluginModule } from '@/features/plugins/utils/load-plugin-module';

let counter = 0;
/** A fresh URL per test: loaded modules are remembered per URL. */
function nextUrl() {
  counter += 1;
  return `/plugins/catering/assets/meals.js?v=test${counter}`;
}

/** What a plugin bundle does: read the host when evaluated, use its React and hooks. */
function pluginModule(): { default: ComponentType } {
  const host = (globalThis as Record<string, unknown>)[HOST_GLOBAL] as CoulissesHost;
  const { useQuery } = host.query;
  const { Button } = host.ui;
  function Meals() {
    const meals = useQuery({
      queryKey: ['catering', 'meals'],
      queryFn: () => host.api.get<{ items: { label: string }[] }>('/api/v1/catering/meals'),
    });
    const { locale } = host.useLocale();
    return host.jsxRuntime.jsxs('div', {
      children: [
        host.jsxRuntime.jsx('p', { children: meals.data?.items.map((m) => m.label).join(', ') ?? '...' }),
        host.jsxRuntime.jsx(Button, { children: `locale ${locale}` }),
      ],
    });
  }
  return { default: Meals };
}

afterEach(() => {
  act(() => useLocaleStore.getState().setLocale('fr'));
});

describe('PluginModuleView', () => {
  it("renders the module's default export with the host's React, query client and API client", async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(jsonResponse({ items: [{ label: 'Diner' }] }));
    const importer = vi.fn(async () => pluginModule());
    const url = nextUrl();

    renderWithProviders(<PluginModuleView url={url} importer={importer} />);

    expect(await screen.findByText('Diner')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'locale fr' })).toBeInTheDocument();
    expect(importer).toHaveBeenCalledWith(url);
    expect(importer).toHaveBeenCalledTimes(1);
  });

  it('shows a message instead of a white screen when the bundle fails to load, and retries', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(jsonResponse({ items: [{ label: 'Gouter' }] }));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const importer = vi
      .fn<(url: string) => Promise<unknown>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockImplementation(async () => pluginModule());

    renderWithProviders(<PluginModuleView url={nextUrl()} importer={importer} />);

    expect(await screen.findByRole('alert')).toHaveTextContent(translate('fr', 'plugin_module_failed'));
    await userEvent.click(screen.getByRole('button', { name: translate('fr', 'action_retry') }));
    expect(await screen.findByText('Gouter')).toBeInTheDocument();
    expect(importer).toHaveBeenCalledTimes(2);
  });

  it('shows the message in English when the page throws while rendering', async () => {
    act(() => useLocaleStore.getState().setLocale('en'));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    function Broken(): never {
      throw new Error('plugin bug');
    }

    renderWithProviders(<PluginModuleView url={nextUrl()} importer={async () => ({ default: Broken })} />);

    expect(await screen.findByRole('alert')).toHaveTextContent('This plugin page could not load');
  });

  it('refuses a module without a default export component', async () => {
    await expect(loadPluginModule(nextUrl(), async () => ({ meals: 1 }))).rejects.toThrow('no default export');
    await waitFor(() => expect((globalThis as Record<string, unknown>)[HOST_GLOBAL]).toBeDefined());
  });
});

describe('findPluginPage', () => {
  const entry = (path: string, module_url: string | null): ManifestMenuEntry => ({
    plugin: 'catering',
    path,
    label: { fr: 'Repas' },
    section: 'main',
    min_role: 'manager',
    module_url,
    wide: false,
  });
  const menu = [
    entry('/plugins/catering', null),
    entry('/plugins/catering/meals', '/plugins/catering/assets/meals.js?v=1'),
    entry('/plugins/catering/meals/plan', '/plugins/catering/assets/plan.js?v=1'),
  ];

  it('finds the page of a path or of its closest parent, never a plain link', () => {
    expect(findPluginPage(menu, '/plugins/catering/meals')?.module_url).toContain('meals.js');
    expect(findPluginPage(menu, '/plugins/catering/meals/12')?.module_url).toContain('meals.js');
    expect(findPluginPage(menu, '/plugins/catering/meals/plan/3')?.module_url).toContain('plan.js');
    expect(findPluginPage(menu, '/plugins/catering')).toBeUndefined();
    expect(findPluginPage(menu, '/plugins/catering/mealsx')).toBeUndefined();
    expect(findPluginPage([], '/plugins/catering/meals')).toBeUndefined();
  });
});

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentType, ReactNode } from 'react';
import { act } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { HOST_GLOBAL, type CoulissesHost } from '@coulisses/plugin-ui/host';
import { useLocaleStore } from '@/lib/i18n/locale-store';
import { translate } from '@/lib/i18n/translate';
import { manifestQueryKey, type FrontendManifest } from '@/features/plugins/api/get-frontend-manifest';
import { PluginWidgetView } from '@/features/plugins/components/plugin-widget-view';
import { PluginWidgetSlot, widgetsOf } from '@/features/plugins/components/plugin-widgets';

let counter = 0;
/** A fresh URL per test: loaded modules are remembered per URL. */
function nextUrl() {
  counter += 1;
  return `/plugins/bells/assets/bell.js?v=test${counter}`;
}

/** A widget module as a plugin bundle writes it: the host's React and UI kit. */
function widgetModule(label: string): { default: ComponentType } {
  const host = (globalThis as Record<string, unknown>)[HOST_GLOBAL] as CoulissesHost;
  function Bell() {
    const { locale } = host.useLocale();
    return host.jsxRuntime.jsx(host.ui.Button, { children: `${label} ${locale}` });
  }
  return { default: Bell };
}

function withManifest(manifest: FrontendManifest | undefined, ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  if (manifest) client.setQueryData(manifestQueryKey, manifest);
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <header>
          {ui}
          <button type="button">account</button>
        </header>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

afterEach(() => {
  act(() => useLocaleStore.getState().setLocale('fr'));
});

describe('PluginWidgetSlot', () => {
  it('renders nothing and imports no module when the manifest has no widget for the slot', async () => {
    const importer = vi.fn(async () => widgetModule('bell'));
    const other = { plugin: 'bells', slot: 'footer', module_url: nextUrl() };
    const { container } = withManifest(
      { menu: [], widgets: [other] },
      <PluginWidgetSlot slot="header" importer={importer} />,
    );

    expect(container.querySelector('[data-plugin-slot]')).toBeNull();
    expect(screen.getByRole('button', { name: 'account' })).toBeInTheDocument();
    // Let any lazy chunk or effect run: still nothing imported.
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(importer).not.toHaveBeenCalled();
  });

  it('renders nothing while there is no manifest (no request for a module)', () => {
    vi.spyOn(globalThis, 'fetch').mockReturnValue(new Promise(() => {}));
    const importer = vi.fn(async () => widgetModule('bell'));
    const { container } = withManifest(undefined, <PluginWidgetSlot slot="header" importer={importer} />);
    expect(container.querySelector('[data-plugin-slot]')).toBeNull();
    expect(importer).not.toHaveBeenCalled();
  });

  it("loads the slot's widgets with the plugin loader and renders them with the host", async () => {
    const url = nextUrl();
    const importer = vi.fn(async () => widgetModule('bell'));
    withManifest(
      { menu: [], widgets: [{ plugin: 'bells', slot: 'header', module_url: url }] },
      <PluginWidgetSlot slot="header" importer={importer} />,
    );
    expect(await screen.findByRole('button', { name: 'bell fr' })).toBeInTheDocument();
    expect(importer).toHaveBeenCalledWith(url);
    expect(importer).toHaveBeenCalledTimes(1);
  });

  it('keeps only the widgets of the asked slot', () => {
    const widgets = [
      { plugin: 'a', slot: 'header', module_url: '/a.js' },
      { plugin: 'b', slot: 'footer', module_url: '/b.js' },
    ];
    expect(widgetsOf(widgets, 'header').map((w) => w.plugin)).toEqual(['a']);
    expect(widgetsOf(undefined, 'header')).toEqual([]);
  });
});

describe('PluginWidgetView', () => {
  it('shows a small error mark instead of a broken widget, keeps the shell, and retries on click', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const importer = vi
      .fn<(url: string) => Promise<unknown>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockImplementation(async () => widgetModule('bell'));
    withManifest(undefined, <PluginWidgetView plugin="bells" url={nextUrl()} importer={importer} />);

    const mark = await screen.findByRole('button', { name: translate('fr', 'plugin_widget_failed', { plugin: 'bells' }) });
    expect(screen.getByRole('button', { name: 'account' })).toBeInTheDocument();
    await userEvent.click(mark);
    expect(await screen.findByRole('button', { name: 'bell fr' })).toBeInTheDocument();
    expect(importer).toHaveBeenCalledTimes(2);
  });

  it('catches a widget that throws while rendering (English words)', async () => {
    act(() => useLocaleStore.getState().setLocale('en'));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    function Broken(): never {
      throw new Error('widget bug');
    }
    withManifest(undefined, <PluginWidgetView plugin="bells" url={nextUrl()} importer={async () => ({ default: Broken })} />);

    expect(await screen.findByRole('button', { name: /The bells plugin module could not load/ })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'account' })).toBeInTheDocument());
  });
});

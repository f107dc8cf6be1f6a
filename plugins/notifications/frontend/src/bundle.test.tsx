/**
 * The committed bundles (src/coulisses_notifications/web/*.js, what the wheel ships),
 * not the sources: loaded by the web app's own loader with its real host, they render.
 * `dev.py lint` checks they are rebuilt from these sources; this checks they work.
 */
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { PluginModuleView } from '@/features/plugins/components/plugin-module-page';
import { PluginWidgetView } from '@/features/plugins/components/plugin-widget-view';
import { jsonResponse, pageResponse, renderWithProviders } from '@/testing/render';

import { text } from './catalog';

afterEach(() => vi.unstubAllGlobals());

/** Imports a built module by its file path, as the browser imports its URL. */
const importBuilt = (url: string) => import(/* @vite-ignore */ url);
const built = (name: string) => new URL(`../../src/coulisses_notifications/web/${name}`, import.meta.url).pathname;

function serve() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (url.startsWith('/api/v1/assignments?')) return pageResponse([]);
      return jsonResponse({
        items: [{ id: 1, kind: 'mission_changed', title: 'Montage avance', body: '', data: {}, read_at: null, created_at: '2027-07-01T09:00:00Z' }],
        unread: 1,
      });
    }),
  );
}

describe('the built notifications modules', () => {
  it('inbox.js renders the inbox page with the host', async () => {
    serve();
    renderWithProviders(<PluginModuleView url={built('inbox.js')} importer={importBuilt} />);
    expect(await screen.findByRole('heading', { level: 1, name: text('fr', 'title') })).toBeInTheDocument();
    expect(await screen.findByText('Montage avance')).toBeInTheDocument();
  });

  it('bell.js renders the header bell with its unread count', async () => {
    serve();
    renderWithProviders(<PluginWidgetView plugin="notifications" url={built('bell.js')} importer={importBuilt} />);
    expect(await screen.findByRole('button', { name: text('fr', 'unread', { count: 1 }) })).toBeInTheDocument();
  });
});

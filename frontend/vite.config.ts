/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';

import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// The API runs on 127.0.0.1:8000 (`uv run coulisses serve`); in development the
// app is served by Vite and /api is proxied so cookies stay same-origin.
const API_TARGET = process.env.COULISSES_API_URL ?? 'http://127.0.0.1:8000';

const PLUGIN_SOURCES = fileURLToPath(new URL('../plugins/', import.meta.url));
const PLUGIN_UI = fileURLToPath(new URL('./packages/plugin-ui/src/', import.meta.url));
const APP_ENTRY = fileURLToPath(new URL('./src/main.tsx', import.meta.url));

/**
 * Vitest runs the first-party plugins' web tests (plugins/<name>/frontend/src) against
 * the real host (src/features/plugins/testing/setup-plugin-host.ts): there, as in their Vite build,
 * `react`, `react/jsx-runtime` and `@coulisses/plugin-ui` are plugin-ui's shims; any
 * other package (testing libraries) resolves from this app, which has the only node_modules.
 */
function pluginSources(): Plugin {
  return {
    name: 'coulisses-plugin-sources',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer?.startsWith(PLUGIN_SOURCES)) return null;
      if (source === 'react') return `${PLUGIN_UI}react.ts`;
      if (source === 'react/jsx-runtime') return `${PLUGIN_UI}jsx-runtime.ts`;
      if (source === '@coulisses/plugin-ui') return `${PLUGIN_UI}plugin-ui.ts`;
      if (source === '@coulisses/plugin-ui/catalog') return `${PLUGIN_UI}catalog.ts`;
      if (source.startsWith('.') || source.startsWith('/') || source.startsWith('@/') || source.startsWith('\0')) return null;
      return this.resolve(source, APP_ENTRY, { ...options, skipSelf: true });
    },
  };
}

const BRAND = '#7a1f2b';
const BACKGROUND = '#fbf8f3';

export default defineConfig({
  plugins: [
    ...(process.env.VITEST ? [pluginSources()] : []),
    react(),
    tailwindcss(),
    // Installable app: a web manifest and a Workbox service worker that precaches the
    // built app, so a reload without network still opens it (the data comes from the
    // persisted query cache, src/lib/offline-cache.ts; the API itself is never cached
    // by the worker). registerSW.js is a file, not an inline script: the CSP forbids those.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script',
      includeAssets: ['favicon.svg'],
      manifest: {
        id: '/',
        name: 'Coulisses Crew',
        short_name: 'Coulisses',
        description: 'Planning des equipes du spectacle vivant : missions, invitations, reponses.',
        lang: 'fr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: BRAND,
        background_color: BACKGROUND,
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        // The planning's calendar chunk is large; it must work offline like the rest.
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        navigateFallback: '/index.html',
        // The server's own paths (core/src/coulisses/web/spa.py RESERVED_PREFIXES), never the app shell.
        navigateFallbackDenylist: [/^\/api(\/|$)/, /^\/admin(\/|$)/, /^\/(healthz|readyz|metrics)$/],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // The plugin page contract (packages/plugin-ui): the host sets what it declares.
      '@coulisses/plugin-ui/host': fileURLToPath(new URL('./packages/plugin-ui/src/host.ts', import.meta.url)),
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    // Vitest loads the first-party plugins' web sources (../plugins) besides this app.
    fs: { allow: ['.', '../plugins', './packages'] },
    proxy: {
      '/api': { target: API_TARGET, changeOrigin: false },
    },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  // The message catalogs (about 110 kB each) are read with one JSON.parse, which V8 parses
  // much faster than the object literal with a constant per key that named exports make.
  json: { stringify: true, namedExports: false },
  test: {
    environment: 'jsdom',
    globals: false,
    setupFiles: ['./src/testing/setup-tests.ts', './src/features/plugins/testing/setup-plugin-host.ts'],
    // The first-party plugins' web parts are tested here too (`npm test`, `dev.py test`).
    include: ['src/**/*.test.{ts,tsx}', 'packages/*/src/**/*.test.{ts,tsx}', '../plugins/*/frontend/src/**/*.test.{ts,tsx}'],
    css: false,
    restoreMocks: true,
    // Generous bounds: tests wait on conditions, and the machine may be loaded.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

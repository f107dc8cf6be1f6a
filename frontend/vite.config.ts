/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';

import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// The API runs on 127.0.0.1:8000 (`uv run coulisses serve`); in development the
// app is served by Vite and /api is proxied so cookies stay same-origin.
const API_TARGET = process.env.COULISSES_API_URL ?? 'http://127.0.0.1:8000';

const BRAND = '#7a1f2b';
const BACKGROUND = '#fbf8f3';

export default defineConfig({
  plugins: [
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
    proxy: {
      '/api': { target: API_TARGET, changeOrigin: false },
    },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  test: {
    environment: 'jsdom',
    globals: false,
    setupFiles: ['./src/testing/setup-tests.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    restoreMocks: true,
    // Generous bounds: tests wait on conditions, and the machine may be loaded.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

// Builds the webhooks plugin's web module into its Python package
// (src/coulisses_webhooks/web/): the endpoints page (endpoints.js). React, the router,
// the query client, the API client and the UI kit are the web app's: `react` and
// `react/jsx-runtime` resolve to @coulisses/plugin-ui's shims, which read the host's.
// Rebuild with `python3 dev.py build-plugins` (from the repository root).
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
// @coulisses/plugin-ui: from node_modules once installed, else the repository's copy.
const pluginUi = process.env.COULISSES_PLUGIN_UI ?? here('../../../frontend/packages/plugin-ui/src');

export default {
  // Built from any folder (dev.py runs it from frontend/): no public/ folder copied.
  root: here('.'),
  publicDir: false,
  // ASCII output (escapes): the repository's text is ASCII.
  esbuild: { jsx: 'automatic', charset: 'ascii' },
  logLevel: 'warn',
  resolve: {
    alias: [
      { find: /^react\/jsx-runtime$/, replacement: `${pluginUi}/jsx-runtime.ts` },
      { find: /^react$/, replacement: `${pluginUi}/react.ts` },
      { find: /^@coulisses\/plugin-ui$/, replacement: `${pluginUi}/plugin-ui.ts` },
    ],
  },
  build: {
    // dev.py's freshness check builds into a temporary folder to compare.
    outDir: process.env.COULISSES_PLUGIN_OUT ?? here('../src/coulisses_webhooks/web'),
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    lib: {
      entry: { endpoints: here('src/endpoints.tsx') },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
  },
};

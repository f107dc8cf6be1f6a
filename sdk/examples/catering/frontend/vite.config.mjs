// Builds the catering page into the Python package (src/coulisses_catering/web/meals.js),
// so the wheel ships it. React, the router, the query client, the API client and the UI
// kit are the web app's: `react` and `react/jsx-runtime` resolve to @coulisses/plugin-ui's
// shims, which read the host's (window.__coulisses_host__); nothing of React is bundled.
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
// @coulisses/plugin-ui: from node_modules once installed, else the repository's copy.
const pluginUi = process.env.COULISSES_PLUGIN_UI ?? here('../../../../frontend/packages/plugin-ui/src');

export default {
  // Built from any folder (dev.py runs it from frontend/): no public/ folder copied.
  root: here('.'),
  publicDir: false,
  // ASCII output (escapes): the repository's text is ASCII.
  esbuild: { jsx: 'automatic', charset: 'ascii' },
  resolve: {
    alias: [
      { find: /^react\/jsx-runtime$/, replacement: `${pluginUi}/jsx-runtime.ts` },
      { find: /^react$/, replacement: `${pluginUi}/react.ts` },
      { find: /^@coulisses\/plugin-ui$/, replacement: `${pluginUi}/plugin-ui.ts` },
    ],
  },
  build: {
    // dev.py's freshness check builds into a temporary folder to compare.
    outDir: process.env.COULISSES_PLUGIN_OUT ?? here('../src/coulisses_catering/web'),
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    lib: { entry: here('src/meals.tsx'), formats: ['es'], fileName: () => 'meals.js' },
  },
};

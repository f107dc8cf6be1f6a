// `@coulisses/plugin-ui/build`: the Vite configuration that builds a plugin's web modules
// (pages, widgets) into its Python package, so its wheel ships them and a deployment
// needs no Node. One place for what every plugin's build must get right:
//
// - `react`, `react/jsx-runtime` and `@coulisses/plugin-ui` resolve to this package's
//   shims, which read the web app's own React, router, query client and UI kit at run
//   time (nothing of them is bundled); `@coulisses/plugin-ui/catalog` (host-free) is.
// - ES modules named after their entries (`meals.js`), code shared between entries in a
//   `shared-<hash>.js` next to them, minified, ASCII output (escapes), no public/ folder.
// - `COULISSES_PLUGIN_OUT` overrides the output folder (`dev.py lint` builds into a
//   temporary one and compares it with the committed files).
//
// A plugin's `frontend/vite.config.mjs`:
//
//     import { pluginBuild } from '@coulisses/plugin-ui/build';
//     export default pluginBuild(import.meta.url, {
//       out: '../src/coulisses_catering/web',
//       entries: { meals: 'src/meals.tsx' },
//     });
//
// Paths are relative to the folder of that config file.
import { fileURLToPath } from 'node:url';

const SHIMS = fileURLToPath(new URL('./src/', import.meta.url));

/**
 * @param {string} configUrl the plugin config's `import.meta.url`
 * @param {{ out: string, entries: Record<string, string> }} options the output folder
 *   and the modules to build (name -> source file), relative to the config's folder
 * @returns {import('vite').UserConfig}
 */
export function pluginBuild(configUrl, { out, entries }) {
  const here = (path) => fileURLToPath(new URL(path, configUrl));
  const names = Object.keys(entries ?? {});
  if (!out || names.length === 0) {
    throw new Error('pluginBuild: give the output folder (out) and at least one entry');
  }
  return {
    // Built from any folder (dev.py runs it from frontend/): no public/ folder copied.
    root: here('.'),
    publicDir: false,
    esbuild: { jsx: 'automatic', charset: 'ascii' },
    logLevel: 'warn',
    resolve: {
      alias: [
        { find: /^react\/jsx-runtime$/, replacement: `${SHIMS}jsx-runtime.ts` },
        { find: /^react$/, replacement: `${SHIMS}react.ts` },
        { find: /^@coulisses\/plugin-ui$/, replacement: `${SHIMS}plugin-ui.ts` },
        { find: /^@coulisses\/plugin-ui\/catalog$/, replacement: `${SHIMS}catalog.ts` },
      ],
    },
    build: {
      outDir: process.env.COULISSES_PLUGIN_OUT ?? here(out),
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      lib: {
        entry: Object.fromEntries(names.map((name) => [name, here(entries[name])])),
        formats: ['es'],
        fileName: (_format, name) => `${name}.js`,
      },
      rollupOptions: { output: { chunkFileNames: 'shared-[hash].js' } },
    },
  };
}

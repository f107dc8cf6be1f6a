// Builds the webhooks plugin's web module into its Python package
// (src/coulisses_webhooks/web/): the endpoints page (endpoints.js). What every plugin
// build shares (the host's React and UI kit, not bundled) is @coulisses/plugin-ui/build;
// outside this repository: import { pluginBuild } from '@coulisses/plugin-ui/build'.
// Rebuild with `python3 dev.py build-plugins` (from the repository root).
import { pluginBuild } from '../../../frontend/packages/plugin-ui/build.mjs';

export default pluginBuild(import.meta.url, {
  out: '../src/coulisses_webhooks/web',
  entries: { endpoints: 'src/endpoints.tsx' },
});

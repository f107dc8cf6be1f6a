// Builds the catering page into the Python package (src/coulisses_catering/web/meals.js),
// so the wheel ships it. React, the router, the query client, the API client and the UI
// kit are the web app's (@coulisses/plugin-ui's shims read the host's at run time;
// nothing of React is bundled): @coulisses/plugin-ui/build sets that up.
//
// A plugin outside this repository installs @coulisses/plugin-ui (package.json) and
// writes: import { pluginBuild } from '@coulisses/plugin-ui/build';
import { pluginBuild } from '../../../../frontend/packages/plugin-ui/build.mjs';

export default pluginBuild(import.meta.url, {
  out: '../src/coulisses_catering/web',
  entries: { meals: 'src/meals.tsx' },
});

// Builds the notifications plugin's web modules into its Python package
// (src/coulisses_notifications/web/): the header bell (bell.js), the inbox page
// (inbox.js) and the preferences page (preferences.js); code they share goes to a
// shared-<hash>.js chunk next to them. What every plugin build shares (the host's React,
// live stream and UI kit, not bundled) is @coulisses/plugin-ui/build.
// Rebuild with `python3 dev.py build-plugins` (from the repository root).
import { pluginBuild } from '../../../frontend/packages/plugin-ui/build.mjs';

export default pluginBuild(import.meta.url, {
  out: '../src/coulisses_notifications/web',
  entries: { bell: 'src/bell.tsx', inbox: 'src/inbox.tsx', preferences: 'src/preferences.tsx' },
});

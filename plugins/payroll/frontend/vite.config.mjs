// Builds the payroll plugin's web modules into its Python package
// (src/coulisses_payroll/web/): the pages timesheets.js, exports.js, intermittents.js and
// accounting.js, and the dashboard card dpae.js; code they share goes to a
// shared-<hash>.js chunk next to them. What every plugin build shares (the host's React
// and UI kit, not bundled) is @coulisses/plugin-ui/build.
// Rebuild with `python3 dev.py build-plugins` (from the repository root).
import { pluginBuild } from '../../../frontend/packages/plugin-ui/build.mjs';

export default pluginBuild(import.meta.url, {
  out: '../src/coulisses_payroll/web',
  entries: {
    timesheets: 'src/timesheets.tsx',
    exports: 'src/exports.tsx',
    intermittents: 'src/intermittents.tsx',
    dpae: 'src/dpae-widget.tsx',
    accounting: 'src/accounting.tsx',
  },
});

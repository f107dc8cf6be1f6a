import { useLocation } from 'react-router';

import { PluginModulePage } from '@/features/plugins/components/plugin-module-page';

/** `/plugins/<name>/...`: a page a plugin brings itself (its own ES module). */
export function PluginModuleRoute() {
  const { pathname } = useLocation();
  return <PluginModulePage pathname={pathname} />;
}

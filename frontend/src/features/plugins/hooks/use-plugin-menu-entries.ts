import { useOrgPlugins } from '@/features/plugins/api/list-org-plugins';

export interface PluginMenuEntry {
  name: string;
  label: string;
  to: string;
}

/**
 * Menu entries contributed by plugins, for enabled plugins only. Derived from
 * the org's plugin list for now; a per-org manifest from the backend will
 * replace this without changing callers.
 */
export function usePluginMenuEntries(): PluginMenuEntry[] {
  const plugins = useOrgPlugins();
  return (plugins.data ?? [])
    .filter((plugin) => plugin.enabled)
    .map((plugin) => ({
      name: plugin.name,
      label: plugin.title || plugin.name,
      to: `/plugins/${encodeURIComponent(plugin.name)}`,
    }));
}

import type { ComponentType } from 'react';

import { installPluginHost } from '@/features/plugins/utils/plugin-host';

export type PluginImporter = (url: string) => Promise<unknown>;

/** The browser's dynamic import of a URL the manifest gave (never bundled by Vite). */
export const importModule: PluginImporter = (url) => import(/* @vite-ignore */ url);

export class PluginModuleError extends Error {}

const loaded = new Map<string, Promise<ComponentType>>();

/**
 * The default export (a React component) of the plugin module at `url`, imported once
 * per URL after the host is installed. A failed load is forgotten, so it can be retried.
 */
export function loadPluginModule(url: string, importer: PluginImporter = importModule): Promise<ComponentType> {
  const known = loaded.get(url);
  if (known) return known;
  installPluginHost();
  const loading = importer(url).then((module) => {
    const page = (module as { default?: unknown } | null)?.default;
    if (typeof page !== 'function') throw new PluginModuleError(`${url} has no default export component`);
    return page as ComponentType;
  });
  loaded.set(url, loading);
  loading.catch(() => loaded.delete(url));
  return loading;
}

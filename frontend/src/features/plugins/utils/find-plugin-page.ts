import type { ManifestMenuEntry } from '@/features/plugins/api/get-frontend-manifest';

/** The manifest page whose path is `pathname` or its closest parent (a page may route below). */
export function findPluginPage(menu: ManifestMenuEntry[], pathname: string): ManifestMenuEntry | undefined {
  return menu
    .filter((entry) => entry.module_url && (pathname === entry.path || pathname.startsWith(`${entry.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

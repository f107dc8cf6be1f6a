import { useFrontendManifest, type ManifestMenuEntry } from '@/features/plugins/api/get-frontend-manifest';
import { useLocale } from '@/lib/i18n/use-locale';

export type PluginMenuSection = 'main' | 'settings';

export interface PluginMenuEntry {
  /** The plugin that registered the entry. */
  plugin: string;
  label: string;
  to: string;
  section: PluginMenuSection;
}

/** The entry's text in `locale`, else the French one (always present). */
export function menuLabel(label: ManifestMenuEntry['label'], locale: string): string {
  return label[locale] ?? label.fr ?? '';
}

/**
 * Menu entries contributed by plugins, from the org's manifest
 * (`GET /api/v1/orgs/current/manifest`): only enabled plugins, only entries the
 * member's role may see, labels in the current locale.
 */
export function usePluginMenuEntries(): PluginMenuEntry[] {
  const { locale } = useLocale();
  const manifest = useFrontendManifest();
  return (manifest.data?.menu ?? []).map((entry) => ({
    plugin: entry.plugin,
    label: menuLabel(entry.label, locale),
    to: entry.path,
    section: entry.section === 'settings' ? 'settings' : 'main',
  }));
}

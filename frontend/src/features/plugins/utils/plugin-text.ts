import { localizedText } from '@/features/plugins/utils/json-schema';

/** A plugin's title and description in `locale` (the plugin's French, then its plain texts). */
export function pluginText(
  plugin: { name: string; title: string; description: string; titles?: Record<string, string>; descriptions?: Record<string, string> },
  locale: string,
): { title: string; description: string } {
  return {
    title: localizedText(plugin.titles, locale) ?? (plugin.title || plugin.name),
    description: localizedText(plugin.descriptions, locale) ?? plugin.description,
  };
}

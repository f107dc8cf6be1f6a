/** The plugin's pages in the web app (registered by plugin.py as `PluginPage`s). */
export const INBOX_PATH = '/plugins/notifications/inbox';
export const PREFERENCES_PATH = '/plugins/notifications/preferences';

/** Joins class names, skipping false ones (the plugin has no `cn` of its own). */
export function classes(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

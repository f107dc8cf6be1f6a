/** The plugin's words (catalog.ts) in the member's locale, through the host's locale. */
import { useLocale } from '@coulisses/plugin-ui';

import { text, type PluralKey, type TextKey, type TextVars } from './catalog';

export { statusLabel, text } from './catalog';

/** `t(key, vars)` in the member's locale, and the host's `tError` for API errors. */
export function useText() {
  const { locale, tError } = useLocale();
  return { locale, tError, t: (key: TextKey | PluralKey, vars?: TextVars) => text(locale, key, vars) };
}

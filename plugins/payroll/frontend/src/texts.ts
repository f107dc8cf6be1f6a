/** The plugin's words (catalog.ts) in the member's locale, through the host's locale. */
import { useCatalog, useFormText, useLocale } from '@coulisses/plugin-ui';
import { useCallback } from 'react';

import { text, words, type TextKey } from './catalog';

/** `t(key, vars)` in the member's locale, and the host's `tError` for API errors. */
export const useText = () => useCatalog(words);

/** A form field's error in words: the app's keys (form_required...), then the plugin's. */
export function useFieldText() {
  const { locale } = useLocale();
  const own = useCallback(
    (key: string) => (words.has(key) ? text(locale, key as TextKey) : undefined),
    [locale],
  );
  return useFormText(own);
}

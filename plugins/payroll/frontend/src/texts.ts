/** The plugin's words (catalog.ts) in the member's locale, through the host's locale. */
import { useFormText, useLocale } from '@coulisses/plugin-ui';
import { useCallback } from 'react';

import { text, type PluralKey, type TextKey, type TextVars } from './catalog';

/** `t(key, vars)` in the member's locale, and the host's `tError` for API errors. */
export function useText() {
  const { locale, tError } = useLocale();
  return { locale, tError, t: (key: TextKey | PluralKey, vars?: TextVars) => text(locale, key, vars) };
}

/** A form field's error in words: the app's keys (form_required...), then the plugin's. */
export function useFieldText() {
  const { locale } = useLocale();
  const own = useCallback(
    (key: string) => {
      const worded = text(locale, key as TextKey);
      return worded === key ? undefined : worded;
    },
    [locale],
  );
  return useFormText(own);
}

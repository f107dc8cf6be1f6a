/** The one hook components use for text: `const { t, locale, setLocale } = useLocale()`. */
import { useCallback } from 'react';

import { useLocaleStore, type Locale } from '@/lib/i18n/locale-store';
import {
  translate,
  translateError,
  type MessageKey,
  type MessageVars,
} from '@/lib/i18n/translate';

export interface LocaleApi {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, vars?: MessageVars) => string;
  tError: (error: unknown) => string;
}

export function useLocale(): LocaleApi {
  const locale = useLocaleStore((state) => state.locale);
  const setLocale = useLocaleStore((state) => state.setLocale);
  const t = useCallback(
    (key: MessageKey, vars?: MessageVars) => translate(locale, key, vars),
    [locale],
  );
  const tError = useCallback((error: unknown) => translateError(locale, error), [locale]);
  return { locale, setLocale, t, tError };
}

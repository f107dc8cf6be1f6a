/** The one hook components use for text: `const { t, locale, setLocale } = useLocale()`. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

import { translateError, translateFieldErrors } from '@/lib/i18n/error-text';
import { useLocaleStore, type Locale } from '@/lib/i18n/locale-store';
import { translate, type MessageKey, type MessageVars } from '@/lib/i18n/translate';

export interface LocaleApi {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, vars?: MessageVars) => string;
  /** An error's words, from its stable code (see lib/i18n/error-text.ts). */
  tError: (error: unknown) => string;
  /** An API error's per-field words, by field name. */
  tFieldErrors: (error: unknown) => Record<string, string>;
}

export function useLocale(): LocaleApi {
  // Subscribes the component to i18next's language changes (react-i18next re-renders it);
  // the texts are read for the store's locale, which drives i18next's language.
  useTranslation();
  const locale = useLocaleStore((state) => state.locale);
  const setLocale = useLocaleStore((state) => state.setLocale);
  const t = useCallback(
    (key: MessageKey, vars?: MessageVars) => translate(locale, key, vars),
    [locale],
  );
  const tError = useCallback((error: unknown) => translateError(locale, error), [locale]);
  const tFieldErrors = useCallback((error: unknown) => translateFieldErrors(locale, error), [locale]);
  return { locale, setLocale, t, tError, tFieldErrors };
}

/**
 * The one i18next instance of the web app. The flat catalogs of src/locales are bundled (no
 * network backend), so init is synchronous and `t` works as soon as this module is loaded.
 *
 * - Keys are flat snake_case: no key or namespace separator.
 * - Plurals: i18next JSON v4 suffixes `_one` / `_other`, chosen by `Intl.PluralRules` of the
 *   language (French counts 0 and 1 as "one", English only 1).
 * - Placeholders are `{name}`; values are not HTML-escaped (React escapes on render). A
 *   placeholder without a value stays as written.
 * - Missing key: the French text, then the key itself (`fallbackLng: 'fr'`).
 *
 * The language follows the locale store (lib/i18n/locale-store.ts), which calls
 * `i18n.changeLanguage`; components read text through `useLocale()` and code outside React
 * through `translate(locale, key, vars)` (lib/i18n/translate.ts).
 */
import { createInstance } from 'i18next';
import { initReactI18next } from 'react-i18next';

import en from '@/locales/en.json';
import fr from '@/locales/fr.json';

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

export const i18n = createInstance();

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  initAsync: false,
  keySeparator: false,
  nsSeparator: false,
  returnNull: false,
  interpolation: { prefix: '{', suffix: '}', escapeValue: false },
  react: { useSuspense: false },
});

/** The chosen UI language, remembered in this browser; French unless the user picks English. */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

import { DEFAULT_LOCALE, i18n, LOCALES, type Locale } from '@/lib/i18n/i18n';

export { DEFAULT_LOCALE, LOCALES, type Locale };

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

/** The page's `lang` and the i18next language follow the store. */
function apply(locale: Locale): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  if (i18n.language !== locale) void i18n.changeLanguage(locale);
}

export const useLocaleStore = create<LocaleState>()(
  persist(
    (set) => ({
      locale: DEFAULT_LOCALE,
      setLocale: (locale) => {
        apply(locale);
        set({ locale });
      },
    }),
    {
      name: 'cc_locale',
      onRehydrateStorage: () => (state) => apply(state?.locale ?? DEFAULT_LOCALE),
    },
  ),
);

// Any other way the store changes (setState in a test, another tab's rehydrate) too.
apply(useLocaleStore.getState().locale);
useLocaleStore.subscribe((state, previous) => {
  if (state.locale !== previous.locale) apply(state.locale);
});

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The chosen UI language, remembered in this browser; French unless the user picks English. */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

function applyToDocument(locale: Locale): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

export const useLocaleStore = create<LocaleState>()(
  persist(
    (set) => ({
      locale: DEFAULT_LOCALE,
      setLocale: (locale) => {
        applyToDocument(locale);
        set({ locale });
      },
    }),
    {
      name: 'cc_locale',
      onRehydrateStorage: () => (state) => applyToDocument(state?.locale ?? DEFAULT_LOCALE),
    },
  ),
);

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

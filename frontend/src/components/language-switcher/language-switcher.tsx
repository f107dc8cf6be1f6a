import { useId } from 'react';

import { isLocale, LOCALES } from '@/lib/i18n/locale-store';
import { useLocale } from '@/lib/i18n/use-locale';

export function LanguageSwitcher() {
  const { locale, setLocale, t } = useLocale();
  const id = useId();
  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor={id} className="text-muted-foreground">
        {t('language_label')}
      </label>
      <select
        id={id}
        value={locale}
        onChange={(event) => {
          if (isLocale(event.target.value)) setLocale(event.target.value);
        }}
        className="h-8 rounded-md border border-input bg-surface px-2 text-sm"
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {code === 'fr' ? t('language_fr') : t('language_en')}
          </option>
        ))}
      </select>
    </div>
  );
}

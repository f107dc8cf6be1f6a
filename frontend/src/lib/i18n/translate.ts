/** Message lookup over the flat catalogs in src/locales (snake_case keys, `_one`/`_other` plurals). */
import en from '@/locales/en.json';
import fr from '@/locales/fr.json';
import { isApiError } from '@/lib/api/api-error';
import type { Locale } from '@/lib/i18n/locale-store';

type Catalog = typeof fr;
type RawKey = keyof Catalog & string;
type PluralBase<K extends string> = K extends `${infer Base}_other` ? Base : never;

/** Every key a component may ask for: plain keys, and plural families by their base name. */
export type MessageKey = Exclude<RawKey, `${string}_one` | `${string}_other`> | PluralBase<RawKey>;
export type MessageVars = Record<string, string | number>;

const CATALOGS: Record<Locale, Record<string, string>> = { fr, en };

export function hasMessage(locale: Locale, key: string): boolean {
  return key in CATALOGS[locale] || key in CATALOGS.fr;
}

export function translate(locale: Locale, key: MessageKey, vars?: MessageVars): string {
  const catalog = CATALOGS[locale];
  let template: string | undefined;
  if (vars && typeof vars.count === 'number') {
    const category = new Intl.PluralRules(locale).select(vars.count);
    template = catalog[`${key}_${category}`] ?? catalog[`${key}_other`];
  }
  template ??= catalog[key] ?? CATALOGS.fr[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in vars ? String(vars[name]) : match,
  );
}

/**
 * Text for an error shown to the user: the catalog's wording of the API's stable
 * code when there is one (`member.last_owner` -> `error_member_last_owner`), else
 * the API's own message.
 */
export function translateError(locale: Locale, error: unknown): string {
  if (isApiError(error)) {
    const key = `error_${error.code.replace(/\./g, '_')}`;
    if (hasMessage(locale, key)) return translate(locale, key as MessageKey);
    return error.message || translate(locale, 'error_generic');
  }
  return translate(locale, 'error_generic');
}

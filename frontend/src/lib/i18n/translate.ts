/** Message lookup over the flat catalogs in src/locales (snake_case keys, `_one`/`_other` plurals). */
import en from '@/locales/en.json';
import fr from '@/locales/fr.json';
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

/** The catalog key of an API code: `member.last_owner` -> `error_member_last_owner`. */
export function errorKey(code: string): string {
  return `error_${code.replace(/\./g, '_')}`;
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

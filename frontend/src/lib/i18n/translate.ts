/**
 * Message lookup over the flat catalogs in src/locales (snake_case keys, `_one`/`_other`
 * plurals, `{name}` placeholders), implemented with i18next (lib/i18n/i18n.ts). Usable outside
 * React: `translate(locale, key, vars)`; components use `useLocale().t`.
 */
import type { TFunction } from 'i18next';

import type fr from '@/locales/fr.json';
import { i18n, type Locale } from '@/lib/i18n/i18n';

type Catalog = typeof fr;
type RawKey = keyof Catalog & string;
type PluralBase<K extends string> = K extends `${infer Base}_other` ? Base : never;

/** Every key a component may ask for: plain keys, and plural families by their base name. */
export type MessageKey = Exclude<RawKey, `${string}_one` | `${string}_other`> | PluralBase<RawKey>;
export type MessageVars = Record<string, string | number>;

const fixed = new Map<Locale, TFunction>();
const pluralRules = new Map<Locale, Intl.PluralRules>();

function fixedT(locale: Locale): TFunction {
  let t = fixed.get(locale);
  if (!t) {
    t = i18n.getFixedT(locale);
    fixed.set(locale, t);
  }
  return t;
}

/** True when the language (or French, its fallback) has this exact key. */
export function hasMessage(locale: Locale, key: string): boolean {
  return i18n.exists(key, { lng: locale });
}

/** The catalog key of an API code: `member.last_owner` -> `error_member_last_owner`. */
export function errorKey(code: string): string {
  return `error_${code.replace(/\./g, '_')}`;
}

/**
 * The text of `key` in `locale`. A numeric `count` picks the plural form; the values go in
 * i18next's `replace` so a placeholder called `lng`, `ns` or `context` stays a plain value.
 * The catalogs only have `_one` and `_other`: a rarer category (French "many", 1 000 000)
 * reads the `_other` text.
 */
export function translate(locale: Locale, key: MessageKey, vars?: MessageVars): string {
  const t = fixedT(locale);
  if (!vars) return t(key);
  const count = typeof vars.count === 'number' ? vars.count : undefined;
  if (count === undefined) return t(key, { replace: vars });
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  const category = rules.select(count);
  if (category !== 'one' && category !== 'other' && !i18n.exists(`${key}_${category}`, { lng: locale })) {
    return t(`${key}_other`, { replace: vars });
  }
  return t(key, { replace: vars, count });
}

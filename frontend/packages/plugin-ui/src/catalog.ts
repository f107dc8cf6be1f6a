/**
 * `@coulisses/plugin-ui/catalog`: a plugin's own words, French (default) and English.
 *
 * Host-free (no React, no `window`): a plugin's catalog module built with it is plain
 * data and pure functions, so its end-to-end tests read it from Node too. Its bundle
 * carries this module (a few hundred bytes); the web app's catalog is not involved.
 *
 *     export const TEXTS = {
 *       title: { fr: 'Repas', en: 'Meals' },
 *       meals_one: { fr: '{count} repas', en: '{count} meal' },
 *       meals_other: { fr: '{count} repas', en: '{count} meals' },
 *     } satisfies Words;
 *     export const { text, label } = catalog(TEXTS);
 *     text('en', 'meals', { count: 2 }); // "2 meals"
 */

export type Words = Record<string, { fr: string; en: string }>;
export type TextVars = Record<string, string | number>;

/** `meals` for the keys `meals_one` / `meals_other`: the names a count chooses between. */
export type PluralBase<Key> = Key extends `${infer Base}_one` ? Base : never;
/** What `text` accepts for a catalog: its keys, and the bases of its plural pairs. */
export type CatalogKey<T extends Words> = (keyof T & string) | PluralBase<keyof T & string>;

export interface Catalog<Key extends string> {
  /**
   * The text of `key` in `locale` (`en`, else French) with each `{name}` replaced by
   * `vars[name]`. A numeric `count` picks `<key>_one` or `<key>_other` by the locale's
   * plural rules (French: 0 and 1 are singular). An unknown key gives the key itself.
   */
  text(locale: string, key: Key, vars?: TextVars): string;
  /**
   * The words of a code the API sends (a status, a kind, an error code): the text of
   * `<prefix>_<code>`, dots as underscores (`failure` + `export.too_large` reads
   * `failure_export_too_large`), or `fallback` (default: the code) when there is none.
   */
  label(locale: string, prefix: string, code: string, fallback?: string): string;
  /** Whether the catalog holds `key` (a plain key, not a plural base). */
  has(key: string): boolean;
}

const PLURALS = new Map<string, Intl.PluralRules>();

function plural(locale: string, count: number): 'one' | 'other' {
  const language = locale === 'en' ? 'en' : 'fr';
  let rules = PLURALS.get(language);
  if (rules === undefined) {
    rules = new Intl.PluralRules(language);
    PLURALS.set(language, rules);
  }
  return rules.select(count) === 'one' ? 'one' : 'other';
}

export function catalog<T extends Words>(words: T): Catalog<CatalogKey<T>> {
  const entries: Words = words;
  const has = (key: string) => Object.hasOwn(entries, key);
  const text = (locale: string, key: string, vars: TextVars = {}) => {
    let chosen = key;
    if (typeof vars.count === 'number' && has(`${key}_one`)) {
      chosen = `${key}_${plural(locale, vars.count)}`;
    }
    const entry = has(chosen) ? entries[chosen] : undefined;
    const template = entry === undefined ? chosen : locale === 'en' ? entry.en : entry.fr;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      Object.hasOwn(vars, name) ? String(vars[name]) : whole,
    );
  };
  const label = (locale: string, prefix: string, code: string, fallback: string = code) => {
    const key = `${prefix}_${code.replace(/\./g, '_')}`;
    return has(key) ? text(locale, key) : fallback;
  };
  return { text, label, has };
}

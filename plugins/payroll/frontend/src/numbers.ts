/**
 * Numbers in the member's locale: money, hours, counts. One `Intl.NumberFormat` per
 * locale and options, made once: a month's table formats thousands of cells, and
 * building a formatter costs far more than formatting with it.
 */
const formats = new Map<string, Intl.NumberFormat>();

/** The formatting locale of the UI language (`en` -> `en-GB`, else `fr-FR`). */
export function numberLocale(locale: string): string {
  return locale === 'en' ? 'en-GB' : 'fr-FR';
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.NumberFormat(numberLocale(locale), options);
    formats.set(key, found);
  }
  return found;
}

/** Cents as money (`16000`, `EUR` -> `160,00 EUR`). */
export function money(cents: number, currency: string, locale: string): string {
  return numberFormat(locale, { style: 'currency', currency }).format(cents / 100);
}

/** Minutes as hours, at most 2 decimals (`30480` -> `508`). */
export function hoursOf(minutes: number, locale: string): string {
  return decimal(minutes / 60, locale);
}

/** A number with at most 2 decimals (`1.5` -> `1,5`). */
export function decimal(value: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** A whole count with its digit grouping (`1200` -> `1 200`). */
export function count(value: number, locale: string): string {
  return numberFormat(locale, {}).format(value);
}

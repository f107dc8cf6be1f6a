/**
 * The words of an API error: always the catalog's, from its stable code and the values of its
 * `details` (the API's English `message` is for integrators and never shown). A code the
 * catalog does not know yet gets a generic sentence that names it.
 */
import { isApiError, type FieldError } from '@/lib/api/api-error';
import { formatCalendarDate, formatZone } from '@/lib/dates';
import type { Locale } from '@/lib/i18n/locale-store';
import { errorKey, hasMessage, translate, type MessageKey, type MessageVars } from '@/lib/i18n/translate';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

function scalar(locale: Locale, name: string, value: unknown): string | number | null {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return null;
  if (name === 'timezone') return formatZone(value, locale);
  return CALENDAR_DATE.test(value) ? formatCalendarDate(value, locale) : value;
}

/**
 * Placeholder values from an error's params: numbers, texts (calendar dates in the UI
 * language, a timezone as "heure de Paris"), lists of those joined.
 */
export function errorVars(locale: Locale, params: unknown): MessageVars {
  const vars: MessageVars = {};
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return vars;
  for (const [name, value] of Object.entries(params as Record<string, unknown>)) {
    const one = scalar(locale, name, value);
    if (one !== null) {
      vars[name] = one;
    } else if (Array.isArray(value)) {
      const items = value.map((item) => scalar(locale, name, item));
      if (items.every((item) => item !== null)) vars[name] = items.join(', ');
    }
  }
  return vars;
}

function byCode(locale: Locale, code: string, params: unknown): string {
  const key = errorKey(code);
  if (!hasMessage(locale, key)) return translate(locale, 'error_unknown', { code });
  return translate(locale, key as MessageKey, { ...errorVars(locale, params), code });
}

/** Text for an error shown to the user. */
export function translateError(locale: Locale, error: unknown): string {
  if (isApiError(error)) return byCode(locale, error.code, error.details);
  return translate(locale, 'error_generic');
}

/** The words of one field's error (`request.validation`, `plugin.invalid_config` details). */
export function translateFieldError(locale: Locale, error: FieldError): string {
  return byCode(locale, error.code ?? 'field.invalid', error.params);
}

/** Per-field texts of an API error, by field name (empty for any other error). */
export function translateFieldErrors(locale: Locale, error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  return Object.fromEntries(
    Object.entries(error.fieldErrors()).map(([field, item]) => [field, translateFieldError(locale, item)]),
  );
}

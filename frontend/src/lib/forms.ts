/**
 * Form state for every form of the app: react-hook-form driven by a zod schema.
 *
 * A schema's messages are catalog keys (`z.string().trim().min(1, 'form_required')`), never
 * sentences: `useFormText()` turns a field's error into the member's language, and an error
 * zod wrote itself (a schema that forgot its key) reads as the generic `form_invalid`.
 * Server-side field errors (422 `details.fields`) go next to the field with `tFieldErrors`.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback } from 'react';
import { useForm, type FieldError, type UseFormProps } from 'react-hook-form';
import { z } from 'zod';

import { hasMessage, type MessageKey } from '@/lib/i18n/translate';
import { useLocale } from '@/lib/i18n/use-locale';

// The app's Content-Security-Policy forbids eval: zod's JIT would compile validators with
// `new Function`, and even its probe for it is reported as a CSP violation. Every schema is
// parsed through `useZodForm`, so setting this here, on the first import, covers them all.
z.config({ jitless: true });

/** A time of day as `<input type="time">` gives it (`HH:MM`). */
export const TIME_OF_DAY = /^\d{2}:\d{2}$/;

/** `useForm` typed by the schema: values in are `z.input`, the submit handler gets `z.output`. */
export function useZodForm<TSchema extends z.ZodType<Record<string, unknown>, Record<string, unknown>>>(
  schema: TSchema,
  props?: Omit<UseFormProps<z.input<TSchema>, unknown, z.output<TSchema>>, 'resolver'>,
) {
  return useForm<z.input<TSchema>, unknown, z.output<TSchema>>({
    resolver: zodResolver(schema),
    ...props,
  });
}

/** An error of a field, or of a list field as a whole (`errors.scopes` of a checkbox group). */
type FieldMessage = Pick<FieldError, 'message'> | undefined;

/**
 * The words of a field's error: its catalog key translated, or `undefined` when valid.
 * `own` words the keys the app's catalog lacks (a plugin's own texts), else `undefined`.
 */
export function useFormText(own?: (key: string) => string | undefined): (error: FieldMessage) => string | undefined {
  const { t, locale } = useLocale();
  return useCallback(
    (error: FieldMessage) => {
      if (!error) return undefined;
      const key = error.message;
      if (key && hasMessage(locale, key)) return t(key as MessageKey);
      return (key ? own?.(key) : undefined) ?? t('form_invalid');
    },
    [t, locale, own],
  );
}

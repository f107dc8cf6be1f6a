import { useMemo } from 'react';
import { z } from 'zod';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { Select } from '@/components/ui/select/select';
import { useFormText, useZodForm } from '@/lib/forms';
import { useLocale } from '@/lib/i18n/use-locale';
import {
  fromFormValues,
  parseSchema,
  toFormValues,
  type FormValues,
  type SchemaField,
} from '@/features/plugins/utils/json-schema';

export interface SchemaFormProps {
  schema: unknown;
  value: Record<string, unknown>;
  onSubmit: (config: Record<string, unknown>) => void;
  submitting?: boolean;
  /** The last save's error: its per-field details are shown next to the fields. */
  error?: unknown;
  saved?: boolean;
  disabled?: boolean;
  submitLabel: string;
}

/** A form generated from a JSON schema (see utils/json-schema.ts for what is supported). */
export function SchemaForm({
  schema,
  value,
  onSubmit,
  submitting = false,
  error,
  saved = false,
  disabled = false,
  submitLabel,
}: SchemaFormProps) {
  const { t, tError, tFieldErrors, locale } = useLocale();
  const parsed = useMemo(() => parseSchema(schema, locale), [schema, locale]);
  const errorText = useFormText();
  // The values as typed; the plugin's schema (utils/json-schema.ts) coerces and checks them.
  const formSchema = useMemo(
    () =>
      z.record(z.string(), z.union([z.string(), z.boolean()])).superRefine((typed, ctx) => {
        const { problems } = fromFormValues(parsed.fields, typed, value);
        for (const [name, problem] of Object.entries(problems)) ctx.addIssue({ code: 'custom', path: [name], message: problem });
      }),
    [parsed.fields, value],
  );
  const form = useZodForm(formSchema, { defaultValues: toFormValues(parsed.fields, value) });
  const values: FormValues = form.watch();
  const serverErrors = tFieldErrors(error);
  const submit = form.handleSubmit((typed) => onSubmit(fromFormValues(parsed.fields, typed, value).config));

  function errorFor(field: SchemaField): string | undefined {
    return errorText(form.formState.errors[field.name]) ?? serverErrors[field.name];
  }

  if (parsed.fields.length === 0) {
    return <p className="text-sm text-muted-foreground">{t('schema_form_no_fields')}</p>;
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {error ? <Alert variant="danger">{tError(error)}</Alert> : null}
      {saved && !error ? <Alert variant="success">{t('schema_form_saved')}</Alert> : null}
      {parsed.fields.map((field) => (
        <SchemaFieldControl
          key={field.name}
          field={field}
          value={values[field.name]}
          error={errorFor(field)}
          disabled={disabled}
          onChange={(next) => form.setValue(field.name, next, { shouldValidate: form.formState.isSubmitted })}
        />
      ))}
      {parsed.unsupported.length > 0 ? (
        <p className="text-xs text-muted-foreground">
          {t('schema_form_unsupported', { fields: parsed.unsupported.join(', ') })}
        </p>
      ) : null}
      <Button type="submit" loading={submitting} disabled={disabled}>
        {submitLabel}
      </Button>
    </form>
  );
}

function SchemaFieldControl({
  field,
  value,
  error,
  disabled,
  onChange,
}: {
  field: SchemaField;
  value: string | boolean | undefined;
  error?: string;
  disabled: boolean;
  onChange: (value: string | boolean) => void;
}) {
  const { t } = useLocale();
  const label = field.required ? `${field.title} *` : field.title;

  if (field.kind === 'boolean') {
    const id = `schema-${field.name}`;
    return (
      <div className="space-y-1">
        <div className="flex items-center gap-2">
          <input
            id={id}
            type="checkbox"
            className="size-4 rounded border-input accent-primary"
            checked={value === true}
            disabled={disabled}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : field.description ? `${id}-hint` : undefined}
            onChange={(event) => onChange(event.target.checked)}
          />
          <label htmlFor={id} className="text-sm font-medium">
            {label}
          </label>
        </div>
        {field.description ? (
          <p id={`${id}-hint`} className="text-xs text-muted-foreground">
            {field.description}
          </p>
        ) : null}
        {error ? (
          <p id={`${id}-error`} className="text-sm text-danger">
            {error}
          </p>
        ) : null}
      </div>
    );
  }

  return (
    <Field label={label} hint={field.description} error={error}>
      {(control) =>
        field.kind === 'enum' ? (
          <Select
            {...control}
            value={typeof value === 'string' ? value : ''}
            disabled={disabled}
            state={error ? 'invalid' : 'default'}
            onChange={(event) => onChange(event.target.value)}
          >
            {field.nullable || field.defaultValue === undefined ? (
              <option value="">{t('schema_form_none')}</option>
            ) : null}
            {field.options?.map((option, index) => (
              <option key={String(option)} value={String(index)}>
                {field.optionLabels?.[index] ?? String(option)}
              </option>
            ))}
          </Select>
        ) : field.widget === 'textarea' ? (
          <textarea
            {...control}
            className="min-h-24 w-full rounded-md border border-input bg-background px-3 py-2 text-sm"
            maxLength={field.maxLength}
            value={typeof value === 'string' ? value : ''}
            disabled={disabled}
            aria-invalid={error ? true : undefined}
            onChange={(event) => onChange(event.target.value)}
          />
        ) : (
          <Input
            {...control}
            type={field.kind === 'string' ? (field.widget === 'time' || field.widget === 'email' ? field.widget : 'text') : 'number'}
            step={field.kind === 'integer' ? 1 : field.kind === 'number' ? 'any' : undefined}
            min={field.minimum}
            max={field.maximum}
            maxLength={field.maxLength}
            value={typeof value === 'string' ? value : ''}
            disabled={disabled}
            state={error ? 'invalid' : 'default'}
            onChange={(event) => onChange(event.target.value)}
          />
        )
      }
    </Field>
  );
}

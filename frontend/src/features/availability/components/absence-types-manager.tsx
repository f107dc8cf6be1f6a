import { z } from 'zod';

import { Alert } from '@/components/ui/alert/alert';
import { Badge } from '@/components/ui/badge/badge';
import { Button } from '@/components/ui/button/button';
import { Card, CardTitle } from '@/components/ui/card/card';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { Spinner } from '@/components/ui/spinner/spinner';
import { Switch } from '@/components/ui/switch/switch';
import { useFormText, useZodForm } from '@/lib/forms';
import { useLocale } from '@/lib/i18n/use-locale';
import { useAbsenceTypes, type AbsenceType } from '@/features/availability/api/list-absence-types';
import {
  useCreateAbsenceType,
  useDeleteAbsenceType,
  useUpdateAbsenceType,
} from '@/features/availability/api/save-absence-type';

/** The API's rules for a new type (core absences/schemas.py). */
const absenceTypeSchema = z.object({
  label: z.string().trim().min(1, 'form_required').max(100, 'form_invalid'),
  code: z
    .string()
    .trim()
    .min(1, 'form_required')
    .max(40, 'form_invalid')
    .regex(/^[a-z][a-z0-9_]*$/, 'absence_types_code_invalid'),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'form_invalid'),
  requires_approval: z.boolean(),
});

/** Managers: the org's absence types (conges, maladie...), their colour, whether a request
 * needs approval, and whether new absences may still pick them. */
export function AbsenceTypesManager() {
  const { t } = useLocale();
  const types = useAbsenceTypes();
  return (
    <div className="space-y-6">
      {types.isPending ? (
        <Spinner label={t('loading')} />
      ) : types.isError ? (
        <ErrorState error={types.error} onRetry={() => void types.refetch()} />
      ) : (
        <ul className="divide-y divide-border rounded-lg border border-border bg-surface">
          {types.data.items.map((type) => (
            <AbsenceTypeRow key={type.id} type={type} />
          ))}
        </ul>
      )}
      <AbsenceTypeForm />
    </div>
  );
}

function AbsenceTypeRow({ type }: { type: AbsenceType }) {
  const { t, tError } = useLocale();
  const update = useUpdateAbsenceType();
  const remove = useDeleteAbsenceType();
  const error = update.error ?? remove.error;
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
      <div className="flex min-w-0 items-center gap-2">
        <span aria-hidden className="h-4 w-4 shrink-0 rounded-full" style={{ backgroundColor: type.color }} />
        <span className="font-medium">{type.label}</span>
        <span className="text-muted-foreground">{type.code}</span>
        {type.active ? null : <Badge variant="neutral">{t('absence_types_inactive')}</Badge>}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2">
          <Switch
            checked={type.requires_approval}
            aria-label={t('absence_types_requires_approval_of', { label: type.label })}
            onCheckedChange={(checked) => update.mutate({ id: type.id, requires_approval: checked })}
          />
          <span aria-hidden>{t('absence_types_requires_approval')}</span>
        </label>
        <label className="flex items-center gap-2">
          <Switch
            checked={type.active}
            aria-label={t('absence_types_active_of', { label: type.label })}
            onCheckedChange={(checked) => update.mutate({ id: type.id, active: checked })}
          />
          <span aria-hidden>{t('absence_types_active')}</span>
        </label>
        {type.windows === 0 ? (
          <Button size="sm" variant="ghost" loading={remove.isPending} onClick={() => remove.mutate(type.id)}>
            {t('absence_types_delete', { label: type.label })}
          </Button>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="w-full text-danger">
          {tError(error)}
        </p>
      ) : null}
    </li>
  );
}

function AbsenceTypeForm() {
  const { t, tError } = useLocale();
  const create = useCreateAbsenceType();
  const errorText = useFormText();
  const form = useZodForm(absenceTypeSchema, {
    defaultValues: { label: '', code: '', color: '#6b7280', requires_approval: true },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) =>
    create.mutate(values, {
      onSuccess: () => form.reset({ ...form.getValues(), label: '', code: '' }),
    }),
  );

  return (
    <Card>
      <CardTitle>{t('absence_types_add_title')}</CardTitle>
      <form onSubmit={submit} noValidate className="mt-4 space-y-4">
        {create.isError ? <Alert variant="danger">{tError(create.error)}</Alert> : null}
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label={t('absence_types_label')} error={errorText(errors.label)}>
            {(control) => (
              <Input {...control} {...form.register('label')} maxLength={100} state={errors.label ? 'invalid' : 'default'} />
            )}
          </Field>
          <Field label={t('absence_types_code')} hint={t('absence_types_code_hint')} error={errorText(errors.code)}>
            {(control) => (
              <Input {...control} {...form.register('code')} maxLength={40} state={errors.code ? 'invalid' : 'default'} />
            )}
          </Field>
          <Field label={t('absence_types_color')} error={errorText(errors.color)}>
            {(control) => <Input {...control} type="color" {...form.register('color')} />}
          </Field>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <Switch
            checked={form.watch('requires_approval')}
            aria-label={t('absence_types_requires_approval')}
            onCheckedChange={(checked) => form.setValue('requires_approval', checked)}
          />
          <span aria-hidden>{t('absence_types_requires_approval')}</span>
        </label>
        <Button type="submit" loading={create.isPending}>
          {t('absence_types_add_submit')}
        </Button>
      </form>
    </Card>
  );
}

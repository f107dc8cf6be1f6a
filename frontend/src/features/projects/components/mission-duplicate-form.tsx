import { z } from 'zod';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { useFormText, useZodForm } from '@/lib/forms';
import { useLocale } from '@/lib/i18n/use-locale';
import { useDuplicateMissions } from '@/features/projects/api/duplicate-mission';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

const duplicateSchema = z
  .object({
    from: z.string().regex(isoDate, 'form_required'),
    to: z.union([z.literal(''), z.string().regex(isoDate, 'form_invalid')]),
  })
  .refine((v) => v.to === '' || v.to >= v.from, { path: ['to'], message: 'form_invalid' });

/** Copies one mission (times, place, roles) on every day of a range picked with date pickers. */
export function MissionDuplicateForm({ missionId }: { missionId: number }) {
  const { t, tError } = useLocale();
  const errorText = useFormText();
  const duplicate = useDuplicateMissions();
  const form = useZodForm(duplicateSchema, { defaultValues: { from: '', to: '' } });
  const { errors } = form.formState;
  const from = form.watch('from');

  const submit = form.handleSubmit(({ from, to }) => duplicate.mutate({ missionIds: [missionId], from, to: to || from }));

  return (
    <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-3" aria-label={t('projects_action_duplicate')}>
      {duplicate.error ? <Alert variant="danger" className="w-full">{tError(duplicate.error)}</Alert> : null}
      {duplicate.data !== undefined ? (
        <Alert variant="success" className="w-full">
          {t('projects_done_duplicated', { count: duplicate.data })}
        </Alert>
      ) : null}
      <Field label={t('projects_duplicate_from')} error={errorText(errors.from)}>
        {(control) => <Input {...control} {...form.register('from')} type="date" size="sm" state={errors.from ? 'invalid' : 'default'} />}
      </Field>
      <Field label={t('projects_duplicate_to')} error={errorText(errors.to)}>
        {(control) => (
          <Input {...control} {...form.register('to')} type="date" size="sm" min={from || undefined} state={errors.to ? 'invalid' : 'default'} />
        )}
      </Field>
      <Button type="submit" size="sm" variant="secondary" loading={duplicate.isPending}>
        {t('projects_action_duplicate')}
      </Button>
    </form>
  );
}

import { useFieldArray } from 'react-hook-form';
import { z } from 'zod';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { Select } from '@/components/ui/select/select';
import { isApiError } from '@/lib/api/api-error';
import { useFormText, useZodForm } from '@/lib/forms';
import { useLocale } from '@/lib/i18n/use-locale';
import type { User } from '@/features/users/api/list-users';
import { useUpdateUser } from '@/features/users/api/update-user';
import { skillErrorTarget, toRows, toSkillsBody } from '@/features/users/utils/certifications';

const LEVELS = [1, 2, 3, 4, 5] as const;

/** The lines as typed; an unnamed line or a skill twice is refused under its name field. */
const skillsSchema = z
  .object({
    rows: z.array(z.object({ name: z.string(), level: z.number().int().min(1).max(5), validUntil: z.string(), reference: z.string() })),
  })
  .superRefine((values, ctx) => {
    const built = toSkillsBody(values.rows);
    if ('problem' in built) {
      const { problem } = built;
      const message = problem.kind === 'empty_name' ? 'users_skill_need_name' : 'users_skill_duplicate';
      ctx.addIssue({ code: 'custom', path: ['rows', problem.index, 'name'], message });
    }
  });

/**
 * Edits a user's skills: name, level, and for a certification its last valid day and
 * certificate number. Saving replaces the whole list (PATCH `skills`).
 */
export function SkillsEditor({ user, onDone, onSaved }: { user: User; onDone: () => void; onSaved: () => void }) {
  const { t, tError } = useLocale();
  const update = useUpdateUser(user.id);
  const errorText = useFormText();
  const form = useZodForm(skillsSchema, { defaultValues: { rows: toRows(user.skills) } });
  const rows = useFieldArray({ control: form.control, name: 'rows' });
  const { errors } = form.formState;

  const submit = form.handleSubmit((values) => {
    const built = toSkillsBody(values.rows);
    if ('skills' in built) update.mutate({ skills: built.skills }, { onSuccess: onSaved });
  });

  const apiTarget = isApiError(update.error) ? skillErrorTarget(update.error.details) : null;
  const errorOf = (index: number, field: 'name' | 'level' | 'validUntil' | 'reference'): string | undefined => {
    const error = errors.rows?.[index]?.[field];
    if (error?.message === 'users_skill_duplicate') {
      return t('users_skill_duplicate', { name: form.getValues(`rows.${index}.name`).trim().toLowerCase() });
    }
    if (error) return errorText(error);
    const apiField = field === 'validUntil' ? 'valid_until' : field;
    if (apiTarget?.index === index && apiTarget.field === apiField) return tError(update.error);
    return undefined;
  };

  return (
    <form onSubmit={submit} noValidate className="mt-3 space-y-4" aria-label={t('users_skills_editor_title')}>
      <p className="text-sm text-muted-foreground">{t('users_skills_editor_hint')}</p>
      {update.isError && !apiTarget ? <Alert variant="danger">{tError(update.error)}</Alert> : null}
      <ol className="space-y-3">
        {rows.fields.map((row, index) => {
          const n = index + 1;
          return (
            <li key={row.id} className="rounded-md border border-border p-3">
              <div className="grid gap-3 sm:grid-cols-2">
                <Field label={t('users_skill_name_n', { n })} error={errorOf(index, 'name')}>
                  {(control) => <Input {...control} {...form.register(`rows.${index}.name`)} maxLength={100} />}
                </Field>
                <Field label={t('users_skill_level_n', { n })} error={errorOf(index, 'level')}>
                  {(control) => (
                    <Select {...control} {...form.register(`rows.${index}.level`, { valueAsNumber: true })}>
                      {LEVELS.map((level) => (
                        <option key={level} value={level}>
                          {t('users_level', { level })}
                        </option>
                      ))}
                    </Select>
                  )}
                </Field>
                <Field label={t('users_skill_valid_until_n', { n })} error={errorOf(index, 'validUntil')}>
                  {(control) => <Input {...control} type="date" {...form.register(`rows.${index}.validUntil`)} />}
                </Field>
                <Field label={t('users_skill_reference_n', { n })} error={errorOf(index, 'reference')}>
                  {(control) => <Input {...control} {...form.register(`rows.${index}.reference`)} maxLength={100} />}
                </Field>
              </div>
              <Button
                variant="ghost"
                size="sm"
                className="mt-2"
                onClick={() => {
                  form.clearErrors('rows');
                  rows.remove(index);
                }}
              >
                {t('users_skill_remove_n', { n })}
              </Button>
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => rows.append({ name: '', level: 1, validUntil: '', reference: '' })}>
          {t('users_skill_add')}
        </Button>
        <Button type="submit" loading={update.isPending}>
          {t('users_skills_save')}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t('action_cancel')}
        </Button>
      </div>
    </form>
  );
}

import { z } from 'zod';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { Select } from '@/components/ui/select/select';
import { useFormText, useZodForm } from '@/lib/forms';
import { useLocale } from '@/lib/i18n/use-locale';
import type { Project } from '@/features/projects/api/list-projects';
import { useUpdateProject, type ProjectUpdate } from '@/features/projects/api/update-project';
import { ManagersPicker } from '@/features/projects/components/managers-picker';
import { projectStatusKey } from '@/features/projects/components/projects-table';
import { projectFields, withDatesInOrder } from '@/features/projects/utils/project-form';

const textareaClass =
  'block w-full rounded-md border border-input bg-surface px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring';

const PROJECT_STATUSES = ['DRAFT', 'ACTIVE', 'ARCHIVED'] as const;
type ProjectStatus = (typeof PROJECT_STATUSES)[number];

const projectSchema = withDatesInOrder(projectFields.extend({ status: z.enum(PROJECT_STATUSES, 'form_invalid') }));

/** Edits a project: name, description, status, dates and managers (one PATCH of the changed fields). */
export function ProjectEditForm({ project, onDone }: { project: Project; onDone: () => void }) {
  const { t, tError, tFieldErrors } = useLocale();
  const errorText = useFormText();
  const update = useUpdateProject(project.id);
  const form = useZodForm(projectSchema, {
    defaultValues: {
      name: project.name,
      description: project.description,
      // The API's closed list (ProjectOut types it as a plain string).
      status: project.status as ProjectStatus,
      starts_on: project.starts_on ?? '',
      ends_on: project.ends_on ?? '',
      managers: project.managers,
    },
  });
  const { errors } = form.formState;
  const fieldErrors = update.error ? tFieldErrors(update.error) : {};
  const startsOn = form.watch('starts_on');

  // One PATCH of what changed; nothing changed closes the form.
  const submit = form.handleSubmit((v) => {
    const input: ProjectUpdate = {};
    if (v.name !== project.name) input.name = v.name;
    if (v.description !== project.description) input.description = v.description;
    if (v.status !== project.status) input.status = v.status;
    if ((v.starts_on || null) !== project.starts_on) input.starts_on = v.starts_on || null;
    if ((v.ends_on || null) !== project.ends_on) input.ends_on = v.ends_on || null;
    if ([...v.managers].sort().join(',') !== [...project.managers].sort().join(',')) input.managers = v.managers;
    if (Object.keys(input).length === 0) {
      onDone();
      return;
    }
    update.mutate(input, { onSuccess: onDone });
  });

  return (
    <form onSubmit={submit} className="space-y-4" noValidate aria-label={t('projects_edit_title')}>
      {update.error && !Object.keys(fieldErrors).length ? <Alert variant="danger">{tError(update.error)}</Alert> : null}
      <Field label={t('projects_field_name')} error={errorText(errors.name) ?? fieldErrors.name}>
        {(control) => (
          <Input {...control} {...form.register('name')} maxLength={200} state={errors.name || fieldErrors.name ? 'invalid' : 'default'} />
        )}
      </Field>
      <Field label={t('projects_field_description')} error={fieldErrors.description}>
        {(control) => <textarea {...control} {...form.register('description')} className={textareaClass} rows={3} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t('projects_col_status')} error={fieldErrors.status}>
          {(control) => (
            <Select {...control} {...form.register('status')}>
              {PROJECT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(projectStatusKey(s))}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={t('projects_field_starts_on')} error={fieldErrors.starts_on}>
          {(control) => <Input {...control} {...form.register('starts_on')} type="date" />}
        </Field>
        <Field label={t('projects_field_ends_on')} error={errorText(errors.ends_on) ?? fieldErrors.ends_on}>
          {(control) => (
            <Input
              {...control}
              {...form.register('ends_on')}
              type="date"
              min={startsOn || undefined}
              state={errors.ends_on || fieldErrors.ends_on ? 'invalid' : 'default'}
            />
          )}
        </Field>
      </div>
      <ManagersPicker value={form.watch('managers')} onChange={(ids) => form.setValue('managers', ids, { shouldDirty: true })} />
      <div className="flex gap-3">
        <Button type="submit" loading={update.isPending}>
          {t('projects_edit_save')}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t('action_cancel')}
        </Button>
      </div>
    </form>
  );
}

import { useState, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { Select } from '@/components/ui/select/select';
import { useLocale } from '@/lib/i18n/use-locale';
import type { Project } from '@/features/projects/api/list-projects';
import { useUpdateProject, type ProjectUpdate } from '@/features/projects/api/update-project';
import { ManagersPicker } from '@/features/projects/components/managers-picker';
import { projectStatusKey } from '@/features/projects/components/projects-table';

const textareaClass =
  'block w-full rounded-md border border-input bg-surface px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring';

/** Edits a project: name, description, status, dates and managers (one PATCH of the changed fields). */
export function ProjectEditForm({ project, onDone }: { project: Project; onDone: () => void }) {
  const { t, tError, tFieldErrors } = useLocale();
  const update = useUpdateProject(project.id);
  const [name, setName] = useState(project.name);
  const [description, setDescription] = useState(project.description);
  const [status, setStatus] = useState(project.status);
  const [startsOn, setStartsOn] = useState(project.starts_on ?? '');
  const [endsOn, setEndsOn] = useState(project.ends_on ?? '');
  const [managers, setManagers] = useState<number[]>(project.managers);
  const [localError, setLocalError] = useState<string | null>(null);
  const fieldErrors = update.error ? tFieldErrors(update.error) : {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setLocalError(null);
    if (startsOn && endsOn && endsOn < startsOn) {
      setLocalError(t('projects_wizard_bad_dates'));
      return;
    }
    const input: ProjectUpdate = {};
    if (name.trim() !== project.name) input.name = name.trim();
    if (description !== project.description) input.description = description;
    if (status !== project.status) input.status = status as ProjectUpdate['status'];
    if ((startsOn || null) !== project.starts_on) input.starts_on = startsOn || null;
    if ((endsOn || null) !== project.ends_on) input.ends_on = endsOn || null;
    if ([...managers].sort().join(',') !== [...project.managers].sort().join(',')) input.managers = managers;
    if (Object.keys(input).length === 0) {
      onDone();
      return;
    }
    update.mutate(input, { onSuccess: onDone });
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate aria-label={t('projects_edit_title')}>
      {localError ? <Alert variant="danger">{localError}</Alert> : null}
      {update.error && !Object.keys(fieldErrors).length ? <Alert variant="danger">{tError(update.error)}</Alert> : null}
      <Field label={t('projects_field_name')} error={fieldErrors.name}>
        {(control) => <Input {...control} value={name} required maxLength={200} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label={t('projects_field_description')} error={fieldErrors.description}>
        {(control) => <textarea {...control} className={textareaClass} rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t('projects_col_status')} error={fieldErrors.status}>
          {(control) => (
            <Select {...control} value={status} onChange={(e) => setStatus(e.target.value)}>
              {['DRAFT', 'ACTIVE', 'ARCHIVED'].map((s) => (
                <option key={s} value={s}>
                  {t(projectStatusKey(s))}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={t('projects_field_starts_on')} error={fieldErrors.starts_on}>
          {(control) => <Input {...control} type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />}
        </Field>
        <Field label={t('projects_field_ends_on')} error={fieldErrors.ends_on}>
          {(control) => <Input {...control} type="date" value={endsOn} min={startsOn || undefined} onChange={(e) => setEndsOn(e.target.value)} />}
        </Field>
      </div>
      <ManagersPicker value={managers} onChange={setManagers} />
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

import { useState } from 'react';
import { z } from 'zod';
import { Link } from 'react-router';

import { DateRangeDays, WEEKDAYS } from '@/components/date-range-days/date-range-days';
import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { ConfirmDialog } from '@/components/ui/dialog/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state/empty-state';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { Select } from '@/components/ui/select/select';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useFormText, useZodForm } from '@/lib/forms';
import { useLocale } from '@/lib/i18n/use-locale';
import { useApplyMissionTemplate } from '@/features/mission-templates/api/apply-mission-template';
import { useDeleteMissionTemplate } from '@/features/mission-templates/api/delete-mission-template';
import { useMissionTemplates, type MissionTemplate } from '@/features/mission-templates/api/list-mission-templates';
import { useUpdateMissionTemplate } from '@/features/mission-templates/api/update-mission-template';

/** A project missions may be added to (the route passes the org's, not archived). */
export interface TemplateProject {
  id: number;
  name: string;
  starts_on: string | null;
  ends_on: string | null;
}

/** A place a template may be applied at. */
export interface TemplatePlace {
  id: number;
  name: string;
}

type Open = { kind: 'rename' | 'apply'; id: number } | null;

const linkClass = 'font-medium text-primary underline-offset-4 hover:underline';

/**
 * Managers' mission templates: each with its slots in one line, renamed in place (a new
 * version), deleted after a confirmation, or applied to a project over a date range
 * (some weekdays only if wanted) at one or more places: one call, every mission or none.
 * One column on a phone.
 */
export function MissionTemplatesManager({ projects, places }: { projects: TemplateProject[]; places: TemplatePlace[] }) {
  const { t, tError } = useLocale();
  const templates = useMissionTemplates();
  const rename = useUpdateMissionTemplate();
  const remove = useDeleteMissionTemplate();
  const [open, setOpen] = useState<Open>(null);
  const [deleting, setDeleting] = useState<MissionTemplate | null>(null);
  const [done, setDone] = useState<{ text: string; project?: TemplateProject } | null>(null);

  const show = (next: Open) => {
    rename.reset();
    remove.reset();
    setDone(null);
    setOpen(next);
  };
  const slotText = (template: MissionTemplate) =>
    template.slots
      .map((slot) => {
        const offset = slot.day_offset ? ` ${t('projects_day_offset_short', { days: slot.day_offset })}` : '';
        const next = slot.ends_next_day ? ` (${t('projects_next_day_short')})` : '';
        return `${slot.title || template.title}${offset} ${slot.start}-${slot.end}${next}`;
      })
      .join(', ');

  if (templates.isPending) return <Spinner label={t('templates_loading')} />;
  if (templates.isError) return <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />;
  const items = templates.data.items;
  return (
    <div className="space-y-4">
      {done ? (
        <Alert variant="success">
          {done.text}
          {done.project ? (
            <>
              {' '}
              <Link to={`/projects/${done.project.id}`} className={linkClass}>
                {t('templates_open_project', { name: done.project.name })}
              </Link>
            </>
          ) : null}
        </Alert>
      ) : null}
      {remove.isError ? <Alert variant="danger">{tError(remove.error)}</Alert> : null}
      {items.length === 0 ? <EmptyState title={t('templates_empty')} description={t('templates_empty_hint')} /> : null}
      {items.length ? (
        <ul aria-label={t('templates_title')} className="divide-y divide-border rounded-lg border border-border bg-surface">
          {items.map((template) => (
            <li key={template.id} className="space-y-3 px-4 py-3">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <h2 className="font-medium break-words">{template.name}</h2>
                  <p className="text-xs text-muted-foreground">{t('templates_version', { version: template.version })}</p>
                  {template.description ? <p className="text-sm break-words text-muted-foreground">{template.description}</p> : null}
                  <p className="text-sm break-words">
                    {t('templates_slots', { count: template.slots.length })} {slotText(template)}
                  </p>
                </div>
                <div className="flex flex-wrap gap-1">
                  <Button size="sm" aria-label={t('templates_apply_of', { name: template.name })} onClick={() => show({ kind: 'apply', id: template.id })}>
                    {t('templates_apply')}
                  </Button>
                  <Button
                    variant="secondary"
                    size="sm"
                    aria-label={t('templates_rename_of', { name: template.name })}
                    onClick={() => show({ kind: 'rename', id: template.id })}
                  >
                    {t('templates_rename')}
                  </Button>
                  <Button
                    variant="ghost"
                    size="sm"
                    className="text-danger"
                    aria-label={t('templates_delete_of', { name: template.name })}
                    onClick={() => {
                      show(null);
                      setDeleting(template);
                    }}
                  >
                    {t('templates_delete')}
                  </Button>
                </div>
              </div>
              {open?.kind === 'rename' && open.id === template.id ? (
                <RenameForm
                  template={template}
                  pending={rename.isPending}
                  error={rename.isError ? tError(rename.error) : null}
                  onCancel={() => setOpen(null)}
                  onSubmit={(name) =>
                    rename.mutate(
                      { templateId: template.id, name },
                      {
                        onSuccess: (saved) => {
                          setOpen(null);
                          setDone({ text: t('templates_renamed', { name: saved.name, version: saved.version }) });
                        },
                      },
                    )
                  }
                />
              ) : null}
              {open?.kind === 'apply' && open.id === template.id ? (
                <ApplyForm
                  template={template}
                  projects={projects}
                  places={places}
                  onCancel={() => setOpen(null)}
                  onDone={(text, project) => {
                    setOpen(null);
                    setDone({ text, project });
                  }}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={t('templates_delete_title')}
        description={deleting ? t('templates_delete_confirm', { name: deleting.name }) : undefined}
        confirmLabel={t('templates_delete')}
        cancelLabel={t('action_cancel')}
        destructive
        loading={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (!deleting) return;
          const name = deleting.name;
          remove.mutate(deleting.id, {
            onSuccess: () => setDone({ text: t('templates_deleted', { name }) }),
            onSettled: () => setDeleting(null),
          });
        }}
      />
    </div>
  );
}

const renameSchema = z.object({ name: z.string().trim().min(1, 'form_required').max(200, 'form_invalid') });

/** Where and when a template makes missions: a project, a date range, weekdays, places. */
const applySchema = z
  .object({
    projectId: z
      .number()
      .nullable()
      .refine((id) => id !== null, 'templates_need_project'),
    from: z.string().min(1, 'form_required'),
    to: z.string().min(1, 'form_required'),
    weekdays: z.array(z.number()).min(1, 'templates_need_weekday'),
    placeIds: z.array(z.number()),
    publish: z.boolean(),
  })
  .refine((v) => !v.from || !v.to || v.to >= v.from, { path: ['to'], message: 'templates_bad_dates' });

function RenameForm({
  template,
  pending,
  error,
  onCancel,
  onSubmit,
}: {
  template: MissionTemplate;
  pending: boolean;
  error: string | null;
  onCancel: () => void;
  onSubmit: (name: string) => void;
}) {
  const { t } = useLocale();
  const errorText = useFormText();
  const form = useZodForm(renameSchema, { defaultValues: { name: template.name } });
  const nameError = errorText(form.formState.errors.name);
  return (
    <form
      aria-label={t('templates_rename_of', { name: template.name })}
      className="flex flex-wrap items-end gap-2"
      noValidate
      onSubmit={form.handleSubmit(({ name }) => onSubmit(name))}
    >
      {error ? (
        <Alert variant="danger" className="w-full">
          {error}
        </Alert>
      ) : null}
      <Field label={t('templates_field_name')} className="w-full sm:w-72" error={nameError}>
        {(p) => <Input {...p} {...form.register('name')} maxLength={200} state={nameError ? 'invalid' : 'default'} />}
      </Field>
      <Button type="submit" loading={pending}>
        {t('templates_save')}
      </Button>
      <Button variant="ghost" onClick={onCancel}>
        {t('action_cancel')}
      </Button>
    </form>
  );
}

function ApplyForm({
  template,
  projects,
  places,
  onCancel,
  onDone,
}: {
  template: MissionTemplate;
  projects: TemplateProject[];
  places: TemplatePlace[];
  onCancel: () => void;
  onDone: (text: string, project: TemplateProject) => void;
}) {
  const { t, tError } = useLocale();
  const apply = useApplyMissionTemplate();
  const errorText = useFormText();
  const first = projects[0];
  const form = useZodForm(applySchema, {
    defaultValues: {
      projectId: first?.id ?? null,
      from: first?.starts_on ?? '',
      to: first?.ends_on ?? '',
      weekdays: WEEKDAYS,
      placeIds: [],
      publish: false,
    },
  });
  const { errors, isSubmitted } = form.formState;
  const [projectId, from, to, weekdays, placeIds] = form.watch(['projectId', 'from', 'to', 'weekdays', 'placeIds']);
  const check = { shouldValidate: isSubmitted };

  const submit = form.handleSubmit((values) => {
    const project = projects.find((p) => p.id === values.projectId);
    if (!project) return;
    apply.mutate(
      {
        templateId: template.id,
        project_id: project.id,
        from: values.from,
        to: values.to,
        weekdays: values.weekdays.length === WEEKDAYS.length ? null : values.weekdays,
        place_ids: values.placeIds,
        publish: values.publish,
        notes: '',
      },
      { onSuccess: (applied) => onDone(t('templates_applied', { count: applied.created, project: project.name }), project) },
    );
  });

  return (
    <form aria-label={t('templates_apply_of', { name: template.name })} className="space-y-3 rounded-md border border-border p-3" noValidate onSubmit={submit}>
      {apply.isError ? <Alert variant="danger">{tError(apply.error)}</Alert> : null}
      <Field label={t('templates_field_project')} error={errorText(errors.projectId)}>
        {(p) => (
          <Select
            {...p}
            value={projectId === null ? '' : String(projectId)}
            onChange={(e) => {
              const next = projects.find((x) => x.id === Number(e.target.value));
              form.setValue('projectId', next?.id ?? null, check);
              // The project's own dates are the likely range.
              if (next?.starts_on) form.setValue('from', next.starts_on, check);
              if (next?.ends_on) form.setValue('to', next.ends_on, check);
            }}
          >
            {projects.length ? null : <option value="">{t('templates_no_project')}</option>}
            {projects.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <DateRangeDays
        from={from}
        to={to}
        weekdays={weekdays}
        onFromChange={(value) => form.setValue('from', value, check)}
        onToChange={(value) => form.setValue('to', value, check)}
        onWeekdaysChange={(value) => form.setValue('weekdays', value, check)}
        errors={{ from: errorText(errors.from), to: errorText(errors.to), weekdays: errorText(errors.weekdays) }}
      />
      <fieldset className="space-y-1 text-sm">
        <legend className="mb-1 text-sm font-medium">{t('templates_field_places')}</legend>
        <p className="text-xs text-muted-foreground">{t('templates_places_hint')}</p>
        <div className="flex flex-wrap gap-3">
          {places.map((place) => (
            <label key={place.id} className="flex items-center gap-1">
              <input
                type="checkbox"
                checked={placeIds.includes(place.id)}
                onChange={() => form.setValue('placeIds', placeIds.includes(place.id) ? placeIds.filter((x) => x !== place.id) : [...placeIds, place.id])}
              />
              {place.name}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...form.register('publish')} />
        {t('projects_wizard_publish')}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" loading={apply.isPending}>
          {t('templates_apply_submit')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('action_cancel')}
        </Button>
      </div>
    </form>
  );
}

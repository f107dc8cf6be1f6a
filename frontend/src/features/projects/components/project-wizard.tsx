import { useState, type ReactNode } from 'react';
import { Controller, useFieldArray } from 'react-hook-form';
import { z } from 'zod';

import { DateRangeDays, WEEKDAYS } from '@/components/date-range-days/date-range-days';
import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Card, CardTitle } from '@/components/ui/card/card';
import { Field, type FieldControlProps } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { useDates } from '@/lib/dates';
import { useFormText, useZodForm } from '@/lib/forms';
import { useLocale } from '@/lib/i18n/use-locale';
import { useBulkCreateMissions, type BulkMissionsCreate } from '@/features/projects/api/bulk-create-missions';
import { useCreateProject } from '@/features/projects/api/create-project';
import type { Project } from '@/features/projects/api/list-projects';
import { useSkillSuggestions } from '@/features/projects/api/list-skill-suggestions';
import { ManagersPicker } from '@/features/projects/components/managers-picker';
import { RolesEditor } from '@/features/projects/components/roles-editor';
import { newProjectSchema } from '@/features/projects/utils/project-form';
import {
  cleanRoles,
  daysOutside,
  endsNextDay,
  expandPattern,
  MAX_DAY_OFFSET,
  parseDays,
  roleInputs,
  SLOT_TIME,
  slotBodies,
  slotError,
  slotInputs,
  type CleanRole,
  type PatternContent,
  type PatternInput,
} from '@/features/projects/utils/mission-pattern';

type Step = 'project' | 'missions' | 'preview';
const PREVIEW_ROWS = 50;

const roleSchema = z.object({ name: z.string(), quota: z.number(), skills: z.array(z.string()).optional() });

/**
 * The missions step: a slot's mistakes under its own fields (times, day offset), the
 * pattern's (no mission at all, days outside the project) under `pattern`. Built for
 * the project's dates, which a range left empty defaults to.
 */
function missionsSchema(startsOn: string, endsOn: string) {
  return z
    .object({
      title: z.string().trim().min(1, 'projects_wizard_need_title'),
      place: z.custom<PlaceChoice | null>(),
      mode: z.enum(['range', 'days']),
      from: z.string(),
      to: z.string(),
      weekdays: z.array(z.number()),
      daysText: z.string(),
      slots: z.array(
        z.object({
          start: z.string(),
          end: z.string(),
          title: z.string(),
          dayOffset: z.number().optional(),
          roles: z.array(roleSchema).nullable().optional(),
        }),
      ),
      roles: z.array(roleSchema),
      publish: z.boolean(),
    })
    .superRefine((values, ctx) => {
      let slotsWrong = false;
      values.slots.forEach((slot, i) => {
        const problem = slotError(slot);
        if (problem) slotsWrong = true;
        if (problem === 'offset') ctx.addIssue({ code: 'custom', path: ['slots', i, 'dayOffset'], message: 'projects_wizard_bad_offset' });
        else if (problem === 'format' && !SLOT_TIME.test(slot.start)) ctx.addIssue({ code: 'custom', path: ['slots', i, 'start'], message: 'projects_wizard_bad_slot' });
        else if (problem) ctx.addIssue({ code: 'custom', path: ['slots', i, 'end'], message: 'projects_wizard_bad_slot' });
      });
      const days = parseDays(values.daysText);
      if (values.mode === 'days' && days === null) {
        ctx.addIssue({ code: 'custom', path: ['daysText'], message: 'projects_wizard_bad_days' });
        return;
      }
      // A wrong slot is said under its fields, not again as "no mission".
      if (slotsWrong) return;
      const rows = expandPattern(patternOf(values, days, startsOn, endsOn), values.title);
      if (rows.length === 0) ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'projects_wizard_no_mission' });
      else if (daysOutside([...new Set(rows.map((r) => r.day))], startsOn || null, endsOn || null).length)
        ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'projects_wizard_outside' });
    });
}

type MissionsValues = z.input<ReturnType<typeof missionsSchema>>;

/** The pattern the values describe (an empty range end: the project's). */
function patternOf(values: MissionsValues, days: string[] | null, startsOn: string, endsOn: string): PatternInput {
  return values.mode === 'days'
    ? { mode: 'days', days: days ?? [], slots: values.slots }
    : { mode: 'range', from: values.from || startsOn, to: values.to || endsOn, weekdays: values.weekdays, slots: values.slots };
}

/** The place chosen for the missions: its timezone is the clock of the slots. */
export interface PlaceChoice {
  id: number;
  name: string;
  timezone: string;
}

export type PlacePickerControl = FieldControlProps & {
  value: number | null;
  onChange: (place: PlaceChoice | null) => void;
};

/** What the wizard gives its templates tools: its pattern now, and how to replace it. */
export interface TemplateToolsControl {
  pattern: PatternContent;
  onLoad: (pattern: PatternContent) => void;
}

const formatRoles = (roles: CleanRole[]) =>
  roles.map((r) => `${r.name} x${r.quota}${r.required_skills.length ? ` [${r.required_skills.join(', ')}]` : ''}`).join(', ');

/**
 * Creates a project (with its managers), then its missions (days or a range x
 * time slots, each slot with its day offset and roles of its own or shared)
 * after a preview, in one bulk creation: all the missions or none. A slot whose
 * end is before its start ends the next day ("+1 j"), and the request says so.
 * If the missions fail, the project is kept and a retry sends only the missions.
 * The missions' place comes from ``placePicker`` (the places feature, combined by
 * the route); its timezone is the one of the slots' times. ``templateTools`` (the
 * templates feature, for managers) fills the missions step from a saved template or
 * saves it as one.
 */
export function ProjectWizard({
  onDone,
  placePicker,
  templateTools,
}: {
  onDone: (project: Project) => void;
  placePicker: (control: PlacePickerControl) => ReactNode;
  templateTools?: (control: TemplateToolsControl) => ReactNode;
}) {
  const { t, tError } = useLocale();
  const { timeZone: orgZone, formatDay, formatZone } = useDates();
  const createProject = useCreateProject();
  const bulkCreate = useBulkCreateMissions();
  const skillSuggestions = useSkillSuggestions().data ?? [];
  const [step, setStep] = useState<Step>('project');
  const [project, setProject] = useState<Project | null>(null);
  const errorText = useFormText();
  // The first step on react-hook-form; its values stay when the step is left.
  const projectForm = useZodForm(newProjectSchema, {
    defaultValues: { name: '', description: '', starts_on: '', ends_on: '', managers: [] },
  });
  const projectErrors = projectForm.formState.errors;
  const [name, startsOn, endsOn, managers] = projectForm.watch(['name', 'starts_on', 'ends_on', 'managers']);
  // The missions step: the pattern (days x slots) and its roles; the preview reads it live.
  // Rebuilt with the project's dates (react-hook-form reads the latest resolver).
  const missionsForm = useZodForm(missionsSchema(startsOn, endsOn), {
    defaultValues: {
      title: '',
      place: null,
      mode: 'range',
      from: '',
      to: '',
      weekdays: WEEKDAYS,
      daysText: '',
      slots: [{ start: '08:00', end: '13:00', title: '', dayOffset: 0, roles: null }],
      roles: [{ name: '', quota: 1, skills: [] }],
      publish: false,
    },
  });
  const missionErrors = missionsForm.formState.errors;
  const slotFields = useFieldArray({ control: missionsForm.control, name: 'slots' });
  const values = missionsForm.watch();
  const { title, place, mode, from, to, weekdays, slots, roles } = values;
  const [error, setError] = useState<string | null>(null);

  const days = parseDays(values.daysText);
  const pattern = patternOf(values, days, startsOn, endsOn);
  const rows = expandPattern(pattern, title);
  const outside = daysOutside([...new Set(rows.map((r) => r.day))], startsOn || null, endsOn || null);
  // The pattern as a whole (no field of its own): set by the schema's last check.
  const patternError = (missionErrors as Record<string, { message?: string } | undefined>).pattern;
  const nextDayMark = (nextDay: boolean) =>
    nextDay ? (
      <>
        {' '}
        <span aria-hidden="true" className="whitespace-nowrap rounded bg-muted px-1 text-xs font-medium">
          {t('projects_next_day_short')}
        </span>
        <span className="sr-only">({t('projects_next_day')})</span>
      </>
    ) : null;
  const slotLabel = (i: number) => {
    const slot = slots[i]!;
    const offset = slot.dayOffset ? ` ${t('projects_day_offset_short', { days: slot.dayOffset })}` : '';
    return `${slot.title.trim() || title.trim()}${offset} ${slot.start}-${slot.end}`;
  };
  const common =
    mode === 'days'
      ? { days: days ?? [] }
      : { date_from: pattern.mode === 'range' ? pattern.from : null, date_to: pattern.mode === 'range' ? pattern.to : null, weekdays };
  const sharedRoles = cleanRoles(roles);
  const body: BulkMissionsCreate = {
    title: title.trim(),
    place_id: place?.id ?? null,
    place: '',
    notes: '',
    allow_long: false,
    publish: values.publish,
    slots: slotBodies(slots),
    roles: sharedRoles,
    ...common,
  };
  const loadPattern = (loaded: PatternContent) => {
    missionsForm.setValue('title', loaded.title);
    slotFields.replace(slotInputs(loaded.slots));
    missionsForm.setValue('roles', roleInputs(loaded.roles));
    missionsForm.clearErrors();
    setError(null);
  };
  const rolesOf = (i: number): CleanRole[] => (slots[i]?.roles ? cleanRoles(slots[i].roles) : sharedRoles);
  const ownRoles = slots.some((s) => s.roles);

  const patternText = (key: string | undefined) =>
    key === 'projects_wizard_outside'
      ? t('projects_wizard_outside', { days: outside.slice(0, 5).map(formatDay).join(', ') })
      : errorText(key ? { message: key } : undefined);

  const submit = async () => {
    setError(null);
    let current = project;
    try {
      const values = projectForm.getValues();
      current ??= await createProject.mutateAsync({
        name: values.name.trim(),
        description: values.description,
        starts_on: values.starts_on || null,
        ends_on: values.ends_on || null,
        managers: values.managers,
      });
      setProject(current);
      await bulkCreate.mutateAsync({ projectId: current.id, ...body });
      onDone(current);
    } catch (caught) {
      setError(tError(caught));
    }
  };

  const steps: Step[] = ['project', 'missions', 'preview'];
  return (
    <div className="space-y-4">
      <ol aria-label={t('projects_wizard_steps')} className="flex flex-wrap gap-2 text-sm">
        {steps.map((s, i) => (
          <li
            key={s}
            aria-current={s === step ? 'step' : undefined}
            className={s === step ? 'rounded-full bg-primary px-3 py-1 text-primary-foreground' : 'rounded-full bg-muted px-3 py-1'}
          >
            {i + 1}. {t(`projects_wizard_step_${s}` as 'projects_wizard_step_project')}
          </li>
        ))}
      </ol>
      {error ? <Alert variant="danger">{error}</Alert> : null}
      {project && error ? <Alert variant="info">{t('projects_wizard_project_kept', { name: project.name })}</Alert> : null}

      {step === 'project' ? (
        <Card>
          <form
            className="space-y-4"
            noValidate
            onSubmit={projectForm.handleSubmit((values) => {
              setError(null);
              if (!missionsForm.getValues('from')) missionsForm.setValue('from', values.starts_on);
              if (!missionsForm.getValues('to')) missionsForm.setValue('to', values.ends_on);
              setStep('missions');
            })}
          >
            <CardTitle>{t('projects_wizard_step_project')}</CardTitle>
            <Field label={t('projects_field_name')} error={errorText(projectErrors.name)}>
              {(p) => (
                <Input {...p} {...projectForm.register('name')} maxLength={200} state={projectErrors.name ? 'invalid' : 'default'} />
              )}
            </Field>
            <Field label={t('projects_field_description')}>
              {(p) => <Input {...p} {...projectForm.register('description')} />}
            </Field>
            <div className="grid gap-4 sm:grid-cols-2">
              <Field label={t('projects_field_starts_on')}>
                {(p) => <Input {...p} type="date" {...projectForm.register('starts_on')} />}
              </Field>
              <Field label={t('projects_field_ends_on')} error={errorText(projectErrors.ends_on)}>
                {(p) => (
                  <Input
                    {...p}
                    type="date"
                    min={startsOn || undefined}
                    {...projectForm.register('ends_on')}
                    state={projectErrors.ends_on ? 'invalid' : 'default'}
                  />
                )}
              </Field>
            </div>
            <ManagersPicker
              value={managers}
              onChange={(next) => projectForm.setValue('managers', next)}
              hint={t('projects_wizard_managers_hint')}
              disabled={!!project}
            />
            <Button type="submit" disabled={!!project}>
              {t('projects_wizard_next')}
            </Button>
          </form>
        </Card>
      ) : null}

      {step === 'missions' ? (
        <Card>
          <form
            className="space-y-4"
            noValidate
            onSubmit={missionsForm.handleSubmit(() => {
              setError(null);
              setStep('preview');
            })}
          >
            <CardTitle>{t('projects_wizard_step_missions')}</CardTitle>
            {templateTools?.({ pattern: { title: title.trim(), slots: slotBodies(slots), roles: sharedRoles }, onLoad: loadPattern })}
            <div className="grid gap-4 sm:grid-cols-2">
              <Field
                label={t('projects_field_mission_title')}
                hint={t('projects_field_mission_title_hint')}
                error={errorText(missionErrors.title)}
              >
                {(p) => <Input {...p} {...missionsForm.register('title')} state={missionErrors.title ? 'invalid' : 'default'} />}
              </Field>
              <Field
                label={t('projects_field_place')}
                hint={
                  place && place.timezone !== orgZone
                    ? t('projects_place_timezone_hint', { zone: formatZone(place.timezone) })
                    : undefined
                }
              >
                {(p) => placePicker({ ...p, value: place?.id ?? null, onChange: (next) => missionsForm.setValue('place', next) })}
              </Field>
            </div>
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium">{t('projects_wizard_days')}</legend>
              <div className="flex gap-4 text-sm">
                <label className="flex items-center gap-1.5">
                  <input type="radio" value="range" {...missionsForm.register('mode')} />
                  {t('projects_wizard_mode_range')}
                </label>
                <label className="flex items-center gap-1.5">
                  <input type="radio" value="days" {...missionsForm.register('mode')} />
                  {t('projects_wizard_mode_days')}
                </label>
              </div>
              {mode === 'range' ? (
                <DateRangeDays
                  from={from}
                  to={to}
                  weekdays={weekdays}
                  onFromChange={(next) => missionsForm.setValue('from', next)}
                  onToChange={(next) => missionsForm.setValue('to', next)}
                  onWeekdaysChange={(next) => missionsForm.setValue('weekdays', next)}
                  hideWeekdaysLegend
                />
              ) : (
                <Field label={t('projects_field_days')} hint={t('projects_field_days_hint')} error={errorText(missionErrors.daysText)}>
                  {(p) => (
                    <textarea
                      {...p}
                      rows={3}
                      className="block w-full rounded-md border border-input bg-surface px-3 py-2 text-sm"
                      {...missionsForm.register('daysText')}
                    />
                  )}
                </Field>
              )}
            </fieldset>
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium">{t('projects_wizard_slots')}</legend>
              <p className="text-xs text-muted-foreground">{t('projects_wizard_slots_hint')}</p>
              {slotFields.fields.map((field, i) => {
                const slot = slots[i] ?? field;
                const slotErrors = missionErrors.slots?.[i];
                return (
                  <div key={field.id} className="flex flex-wrap items-start gap-2">
                    <Field label={t('projects_slot_start', { n: i + 1 })} error={errorText(slotErrors?.start)}>
                      {(p) => (
                        <Input {...p} type="time" {...missionsForm.register(`slots.${i}.start`)} state={slotErrors?.start ? 'invalid' : 'default'} />
                      )}
                    </Field>
                    <Field label={t('projects_slot_end', { n: i + 1 })} error={errorText(slotErrors?.end)}>
                      {(p) => (
                        <div className="flex items-center gap-1 text-sm">
                          <Input {...p} type="time" {...missionsForm.register(`slots.${i}.end`)} state={slotErrors?.end ? 'invalid' : 'default'} />
                          {nextDayMark(endsNextDay(slot))}
                        </div>
                      )}
                    </Field>
                    <Field
                      label={t('projects_slot_day_offset', { n: i + 1 })}
                      error={slotErrors?.dayOffset ? t('projects_wizard_bad_offset', { max: MAX_DAY_OFFSET }) : undefined}
                    >
                      {(p) => (
                        <Controller
                          control={missionsForm.control}
                          name={`slots.${i}.dayOffset`}
                          render={({ field: offset }) => (
                            <Input
                              {...p}
                              type="number"
                              min={0}
                              max={MAX_DAY_OFFSET}
                              step={1}
                              className="w-20"
                              onBlur={offset.onBlur}
                              value={String(offset.value ?? 0)}
                              onChange={(e) => offset.onChange(e.target.value === '' ? 0 : Number(e.target.value))}
                              state={slotErrors?.dayOffset ? 'invalid' : 'default'}
                            />
                          )}
                        />
                      )}
                    </Field>
                    <Field label={t('projects_slot_title', { n: i + 1 })}>
                      {(p) => <Input {...p} {...missionsForm.register(`slots.${i}.title`)} />}
                    </Field>
                    {slotFields.fields.length > 1 ? (
                      <Button variant="ghost" size="sm" className="mt-6" onClick={() => slotFields.remove(i)}>
                        {t('projects_remove_slot', { n: i + 1 })}
                      </Button>
                    ) : null}
                    <label className="flex w-full items-center gap-1.5 text-sm">
                      <input
                        type="checkbox"
                        checked={!!slot.roles}
                        onChange={(e) =>
                          missionsForm.setValue(
                            `slots.${i}.roles`,
                            e.target.checked ? roles.map((r) => ({ ...r, skills: [...(r.skills ?? [])] })) : null,
                          )
                        }
                      />
                      {t('projects_slot_own_roles', { n: i + 1 })}
                    </label>
                    {slot.roles ? (
                      <div className="w-full border-l-2 border-border pl-3">
                        <RolesEditor
                          roles={slot.roles}
                          onChange={(next) => missionsForm.setValue(`slots.${i}.roles`, next)}
                          suggestions={skillSuggestions}
                          labels={{
                            name: (n) => t('projects_slot_role_name', { slot: i + 1, n }),
                            quota: (n) => t('projects_slot_role_quota', { slot: i + 1, n }),
                            skills: (n) => t('projects_slot_role_skills', { slot: i + 1, n }),
                            remove: (n) => t('projects_slot_remove_role', { slot: i + 1, n }),
                            add: t('projects_slot_add_role', { slot: i + 1 }),
                          }}
                        />
                      </div>
                    ) : null}
                  </div>
                );
              })}
              <Button
                variant="secondary"
                size="sm"
                onClick={() => slotFields.append({ start: '19:00', end: '01:00', title: '', dayOffset: 0, roles: null })}
              >
                {t('projects_add_slot')}
              </Button>
            </fieldset>
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium">{t('projects_wizard_roles')}</legend>
              <p className="text-xs text-muted-foreground">{t('projects_wizard_roles_hint')}</p>
              <RolesEditor
                roles={roles}
                onChange={(next) => missionsForm.setValue('roles', next)}
                suggestions={skillSuggestions}
                labels={{
                  name: (n) => t('projects_role_name', { n }),
                  quota: (n) => t('projects_role_quota', { n }),
                  skills: (n) => t('projects_role_skills', { n }),
                  remove: (n) => t('projects_remove_role', { n }),
                  add: t('projects_add_role'),
                }}
              />
            </fieldset>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" {...missionsForm.register('publish')} />
              {t('projects_wizard_publish')}
            </label>
            {patternError ? (
              <Alert variant="danger" role="alert">
                {patternText(patternError.message)}
              </Alert>
            ) : null}
            <div className="flex gap-2">
              <Button variant="secondary" onClick={() => setStep('project')} disabled={!!project}>
                {t('projects_wizard_back')}
              </Button>
              <Button type="submit">{t('projects_wizard_preview')}</Button>
            </div>
          </form>
        </Card>
      ) : null}

      {step === 'preview' ? (
        <Card className="space-y-4">
          <CardTitle>{t('projects_wizard_step_preview')}</CardTitle>
          <p role="status">
            {t('projects_wizard_summary', { count: rows.length, name: name.trim() })}
            {!ownRoles && sharedRoles.length ? ` ${t('projects_wizard_roles_summary', { roles: formatRoles(sharedRoles) })}` : ''}
          </p>
          <div className="space-y-1 text-sm">
            <h3 className="font-medium">{t('projects_wizard_slots')}</h3>
            <ul className="list-disc space-y-1 pl-5">
              {slots.map((slot, i) =>
                slotError(slot) ? null : (
                  <li key={i}>
                    {t('projects_wizard_batch', { slots: slotLabel(i), count: rows.filter((r) => r.slot === i).length })}
                    {nextDayMark(endsNextDay(slot))}
                    {' : '}
                    {rolesOf(i).length ? formatRoles(rolesOf(i)) : t('projects_wizard_no_roles')}
                  </li>
                ),
              )}
            </ul>
          </div>
          {/* Focusable so the keyboard can scroll a long preview (axe scrollable-region-focusable). */}
          <div
            role="region"
            aria-label={t('projects_wizard_step_preview')}
            // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
            tabIndex={0}
            className="max-h-96 overflow-auto rounded-md border border-border focus-visible:outline-2 focus-visible:outline-ring"
          >
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t('projects_wizard_step_preview')}</caption>
              <thead className="sticky top-0 bg-muted text-muted-foreground">
                <tr>
                  <th scope="col" className="px-3 py-2">{t('projects_col_day')}</th>
                  <th scope="col" className="px-3 py-2">{t('projects_col_title')}</th>
                  <th scope="col" className="px-3 py-2">{t('projects_col_times')}</th>
                  <th scope="col" className="px-3 py-2">{t('projects_wizard_col_roles')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, PREVIEW_ROWS).map((row, i) => (
                  <tr key={i} className="border-t border-border">
                    <td className="px-3 py-1.5">{formatDay(row.day)}</td>
                    <td className="px-3 py-1.5">{row.title}</td>
                    <td className="px-3 py-1.5">
                      {row.start} - {row.end}
                      {nextDayMark(row.nextDay)}
                    </td>
                    <td className="px-3 py-1.5">{formatRoles(rolesOf(row.slot))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.length > PREVIEW_ROWS ? <p className="text-sm text-muted-foreground">{t('projects_wizard_more', { count: rows.length - PREVIEW_ROWS })}</p> : null}
          <div className="flex gap-2">
            <Button variant="secondary" onClick={() => setStep('missions')}>
              {t('projects_wizard_back')}
            </Button>
            <Button loading={createProject.isPending || bulkCreate.isPending} onClick={() => void submit()}>
              {t('projects_wizard_create', { count: rows.length })}
            </Button>
          </div>
        </Card>
      ) : null}
    </div>
  );
}

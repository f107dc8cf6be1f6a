import type { ReactNode } from 'react';
import { z } from 'zod';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Field, type FieldControlProps } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { useDates } from '@/lib/dates';
import { TIME_OF_DAY, useFormText, useZodForm } from '@/lib/forms';
import { useLocale } from '@/lib/i18n/use-locale';
import type { Mission } from '@/features/projects/api/get-mission';
import { useUpdateMission, type MissionUpdate } from '@/features/projects/api/update-mission';
import { instantsOf, localTimesOf } from '@/features/projects/utils/mission-local-times';

export interface PlaceChoice {
  id: number;
  timezone: string;
}

export type MissionPlacePicker = (control: FieldControlProps & { value: number | null; onChange: (place: PlaceChoice | null) => void }) => ReactNode;

const missionSchema = z.object({
  title: z.string().trim().min(1, 'form_required').max(200, 'form_invalid'),
  date: z.string().min(1, 'form_required'),
  start: z.string().regex(TIME_OF_DAY, 'form_required'),
  end: z.string().regex(TIME_OF_DAY, 'form_required'),
  endsNextDay: z.boolean(),
  place: z.object({ id: z.number(), timezone: z.string() }).nullable(),
  notes: z.string(),
});

const textareaClass =
  'block w-full rounded-md border border-input bg-surface px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring';

/**
 * A mission's title, times (local date, start, end, "ends the next day" on its place's
 * clock), place and notes; one PATCH with the changed fields. Times are read on the
 * clock of the place chosen in the form (the org's without a place).
 */
export function MissionForm({
  mission,
  placePicker,
  canEdit,
  onSaved,
}: {
  mission: Mission;
  placePicker: MissionPlacePicker;
  canEdit: boolean;
  /** After a save (the caller shows the notice: the form may restart from the saved mission). */
  onSaved: () => void;
}) {
  const { t, tError, tFieldErrors } = useLocale();
  const { timeZone: orgZone, formatZone } = useDates();
  const initial = localTimesOf(mission.starts_at, mission.ends_at, mission.timezone);
  const errorText = useFormText();
  const form = useZodForm(missionSchema, {
    defaultValues: {
      title: mission.title,
      date: initial.date,
      start: initial.start,
      end: initial.end,
      endsNextDay: initial.endsNextDay,
      place: mission.place_id === null ? null : { id: mission.place_id, timezone: mission.timezone },
      notes: mission.notes,
    },
  });
  const { errors } = form.formState;
  const place = form.watch('place');
  const update = useUpdateMission(mission.id);
  const zone = place?.timezone ?? orgZone;
  const fieldErrors = update.error ? tFieldErrors(update.error) : {};

  const submit = form.handleSubmit((values) => {
    // The times are read on the clock of the place chosen in the form.
    const times = instantsOf(values, values.place?.timezone ?? orgZone);
    if (!times.ok) {
      const message = times.error === 'ends_before_start' ? 'mission_form_ends_before_start' : 'mission_form_invalid_times';
      form.setError('end', { message });
      return;
    }
    const input: MissionUpdate = {};
    if (values.title !== mission.title) input.title = values.title;
    if (values.notes !== mission.notes) input.notes = values.notes;
    if ((values.place?.id ?? null) !== mission.place_id) input.place_id = values.place?.id ?? null;
    if (Date.parse(times.starts_at) !== Date.parse(mission.starts_at)) input.starts_at = times.starts_at;
    if (Date.parse(times.ends_at) !== Date.parse(mission.ends_at)) input.ends_at = times.ends_at;
    if (Object.keys(input).length === 0) {
      onSaved();
      return;
    }
    // The promise, not mutate's callbacks: the saved mission may replace this form (its key
    // is the mission's updated_at) before those callbacks would run, and they then never do.
    update.mutateAsync(input).then(onSaved, () => undefined);
  });
  const invalid = (error: unknown) => (error ? 'invalid' : 'default');

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {update.error && !Object.keys(fieldErrors).length ? <Alert variant="danger">{tError(update.error)}</Alert> : null}
      <Field label={t('mission_field_title')} error={errorText(errors.title) ?? fieldErrors.title}>
        {(control) => <Input {...control} {...form.register('title')} maxLength={200} disabled={!canEdit} state={invalid(errors.title)} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t('mission_field_date')} error={errorText(errors.date)}>
          {(control) => <Input {...control} type="date" {...form.register('date')} disabled={!canEdit} state={invalid(errors.date)} />}
        </Field>
        <Field label={t('mission_field_start')} error={errorText(errors.start) ?? fieldErrors.starts_at}>
          {(control) => <Input {...control} type="time" {...form.register('start')} disabled={!canEdit} state={invalid(errors.start)} />}
        </Field>
        <Field label={t('mission_field_end')} error={errorText(errors.end) ?? fieldErrors.ends_at}>
          {(control) => <Input {...control} type="time" {...form.register('end')} disabled={!canEdit} state={invalid(errors.end)} />}
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...form.register('endsNextDay')} disabled={!canEdit} />
        <span>{t('mission_field_ends_next_day')}</span>
      </label>
      <Field label={t('projects_field_place')} hint={t('projects_place_timezone_hint', { zone: formatZone(zone) })} error={fieldErrors.place_id}>
        {(control) => placePicker({ ...control, value: place?.id ?? null, onChange: (choice) => form.setValue('place', choice, { shouldDirty: true }) })}
      </Field>
      <Field label={t('mission_field_notes')} error={errorText(errors.notes) ?? fieldErrors.notes}>
        {(control) => (
          <textarea {...control} className={textareaClass} rows={3} {...form.register('notes')} disabled={!canEdit} />
        )}
      </Field>
      {canEdit ? (
        <Button type="submit" loading={update.isPending}>
          {t('mission_form_save')}
        </Button>
      ) : null}
    </form>
  );
}

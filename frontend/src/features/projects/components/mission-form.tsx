import { useState, type FormEvent, type ReactNode } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Field, type FieldControlProps } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import type { Mission } from '@/features/projects/api/get-mission';
import { useUpdateMission, type MissionUpdate } from '@/features/projects/api/update-mission';
import { instantsOf, localTimesOf } from '@/features/projects/utils/mission-local-times';

export interface PlaceChoice {
  id: number;
  timezone: string;
}

export type MissionPlacePicker = (control: FieldControlProps & { value: number | null; onChange: (place: PlaceChoice | null) => void }) => ReactNode;

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
  const [title, setTitle] = useState(mission.title);
  const [date, setDate] = useState(initial.date);
  const [start, setStart] = useState(initial.start);
  const [end, setEnd] = useState(initial.end);
  const [endsNextDay, setEndsNextDay] = useState(initial.endsNextDay);
  const [place, setPlace] = useState<PlaceChoice | null>(mission.place_id === null ? null : { id: mission.place_id, timezone: mission.timezone });
  const [notes, setNotes] = useState(mission.notes);
  const [localError, setLocalError] = useState<string | null>(null);
  const update = useUpdateMission(mission.id);
  const zone = place?.timezone ?? orgZone;
  const fieldErrors = update.error ? tFieldErrors(update.error) : {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setLocalError(null);
    const times = instantsOf({ date, start, end, endsNextDay }, zone);
    if (!times.ok) {
      setLocalError(t(times.error === 'ends_before_start' ? 'mission_form_ends_before_start' : 'mission_form_invalid_times'));
      return;
    }
    const input: MissionUpdate = {};
    if (title.trim() !== mission.title) input.title = title.trim();
    if (notes !== mission.notes) input.notes = notes;
    if ((place?.id ?? null) !== mission.place_id) input.place_id = place?.id ?? null;
    if (Date.parse(times.starts_at) !== Date.parse(mission.starts_at)) input.starts_at = times.starts_at;
    if (Date.parse(times.ends_at) !== Date.parse(mission.ends_at)) input.ends_at = times.ends_at;
    if (Object.keys(input).length === 0) {
      onSaved();
      return;
    }
    // The promise, not mutate's callbacks: the saved mission may replace this form (its key
    // is the mission's updated_at) before those callbacks would run, and they then never do.
    update.mutateAsync(input).then(onSaved, () => undefined);
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {localError ? <Alert variant="danger">{localError}</Alert> : null}
      {update.error && !Object.keys(fieldErrors).length ? <Alert variant="danger">{tError(update.error)}</Alert> : null}
      <Field label={t('mission_field_title')} error={fieldErrors.title}>
        {(control) => <Input {...control} value={title} required maxLength={200} disabled={!canEdit} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t('mission_field_date')}>
          {(control) => <Input {...control} type="date" value={date} required disabled={!canEdit} onChange={(e) => setDate(e.target.value)} />}
        </Field>
        <Field label={t('mission_field_start')} error={fieldErrors.starts_at}>
          {(control) => <Input {...control} type="time" value={start} required disabled={!canEdit} onChange={(e) => setStart(e.target.value)} />}
        </Field>
        <Field label={t('mission_field_end')} error={fieldErrors.ends_at}>
          {(control) => <Input {...control} type="time" value={end} required disabled={!canEdit} onChange={(e) => setEnd(e.target.value)} />}
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={endsNextDay} disabled={!canEdit} onChange={(e) => setEndsNextDay(e.target.checked)} />
        <span>{t('mission_field_ends_next_day')}</span>
      </label>
      <Field label={t('projects_field_place')} hint={t('projects_place_timezone_hint', { zone: formatZone(zone) })} error={fieldErrors.place_id}>
        {(control) => placePicker({ ...control, value: place?.id ?? null, onChange: setPlace })}
      </Field>
      <Field label={t('mission_field_notes')} error={fieldErrors.notes}>
        {(control) => (
          <textarea {...control} className={textareaClass} rows={3} value={notes} disabled={!canEdit} onChange={(e) => setNotes(e.target.value)} />
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

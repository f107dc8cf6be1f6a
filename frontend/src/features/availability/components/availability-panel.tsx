import { useState, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Card, CardTitle } from '@/components/ui/card/card';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { Select } from '@/components/ui/select/select';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useDates, zonedWallTimeToInstant } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import { useCreateAvailability, type AvailabilityCreate } from '@/features/availability/api/create-availability';
import { useAbsenceTypes } from '@/features/availability/api/list-absence-types';
import { useAvailabilityWindows } from '@/features/availability/api/list-availability-windows';
import { WindowItem } from '@/features/availability/components/window-item';
import { buildWeeklyRule, durationBetween, WEEKDAYS, type Weekday } from '@/features/availability/utils/rrule';

/** A user's availability windows, the form to add one (one-off or weekly), and decisions. */
export function AvailabilityPanel({
  userId,
  canDecide,
  canCreate,
}: {
  userId: number;
  canDecide: boolean;
  canCreate: boolean;
}) {
  const { t } = useLocale();
  const windows = useAvailabilityWindows({ user: userId });
  return (
    <section aria-labelledby="availability-title" className="space-y-3">
      <h2 id="availability-title" className="text-lg font-semibold">
        {t('availability_title')}
      </h2>
      {windows.isPending ? (
        <Spinner label={t('loading')} />
      ) : windows.isError ? (
        <ErrorState error={windows.error} onRetry={() => void windows.refetch()} />
      ) : windows.data.items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border bg-surface px-4 py-6 text-center text-sm text-muted-foreground">
          {t('availability_empty')}
        </p>
      ) : (
        <ul className="divide-y divide-border rounded-lg border border-border bg-surface">
          {windows.data.items.map((window) => (
            <WindowItem key={window.id} window={window} canDecide={canDecide} />
          ))}
        </ul>
      )}
      {canCreate ? <AvailabilityForm userId={userId} approvedAtOnce={canDecide} /> : null}
    </section>
  );
}

function AvailabilityForm({ userId, approvedAtOnce }: { userId: number; approvedAtOnce: boolean }) {
  const { t, tError, tFieldErrors } = useLocale();
  const { timeZone } = useDates();
  const create = useCreateAvailability();
  const [kind, setKind] = useState<'available' | 'unavailable'>('unavailable');
  const [mode, setMode] = useState<'once' | 'weekly'>('once');
  const [startDate, setStartDate] = useState('');
  const [startTime, setStartTime] = useState('09:00');
  const [endDate, setEndDate] = useState('');
  const [endTime, setEndTime] = useState('18:00');
  const [days, setDays] = useState<Weekday[]>([]);
  const [weeks, setWeeks] = useState('4');
  const [note, setNote] = useState('');
  const [absenceType, setAbsenceType] = useState('');
  const types = useAbsenceTypes();
  const activeTypes = (types.data?.items ?? []).filter((type) => type.active);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    setProblem(null);
    if (!startDate) return setProblem(t('availability_need_start'));
    let body: AvailabilityCreate;
    const typed = kind === 'unavailable' && absenceType ? { absence_type_id: Number(absenceType) } : {};
    if (mode === 'once') {
      const end = endDate || startDate;
      body = {
        user_id: userId,
        kind,
        note,
        starts_at: zonedWallTimeToInstant(`${startDate}T${startTime}`, timeZone),
        ends_at: zonedWallTimeToInstant(`${end}T${endTime}`, timeZone),
        ...typed,
      };
    } else {
      if (days.length === 0) return setProblem(t('availability_need_days'));
      body = {
        user_id: userId,
        kind,
        note,
        rrule: buildWeeklyRule({ days, weeks: Number(weeks) || 1 }),
        start_date: startDate,
        start_time: startTime,
        duration_minutes: durationBetween(startTime, endTime),
        ...typed,
      };
    }
    create.mutate(body, {
      onSuccess: () => {
        setSaved(true);
        setNote('');
      },
    });
  }

  const fieldErrors = tFieldErrors(create.error);
  return (
    <Card>
      <CardTitle>{t(approvedAtOnce ? 'availability_add_title' : 'availability_request_title')}</CardTitle>
      <form onSubmit={submit} noValidate className="mt-4 space-y-4">
        {problem ? <Alert variant="danger">{problem}</Alert> : null}
        {create.isError ? <Alert variant="danger">{tError(create.error)}</Alert> : null}
        {saved ? (
          <Alert variant="success">{t(approvedAtOnce ? 'availability_saved' : 'availability_requested')}</Alert>
        ) : null}
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={t('availability_kind')}>
            {(control) => (
              <Select {...control} value={kind} onChange={(e) => setKind(e.target.value as 'available' | 'unavailable')}>
                <option value="unavailable">{t('availability_kind_unavailable')}</option>
                <option value="available">{t('availability_kind_available')}</option>
              </Select>
            )}
          </Field>
          {kind === 'unavailable' ? (
            <Field label={t('absence_type')}>
              {(control) => (
                <Select {...control} value={absenceType} onChange={(e) => setAbsenceType(e.target.value)}>
                  <option value="">{t('absence_type_none')}</option>
                  {activeTypes.map((type) => (
                    <option key={type.id} value={String(type.id)}>
                      {type.label}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          ) : null}
          <fieldset>
            <legend className="text-sm font-medium">{t('availability_repeat')}</legend>
            <div className="mt-2 flex gap-4 text-sm">
              <label className="flex items-center gap-2">
                <input type="radio" name="availability-mode" checked={mode === 'once'} onChange={() => setMode('once')} />
                {t('availability_once')}
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name="availability-mode" checked={mode === 'weekly'} onChange={() => setMode('weekly')} />
                {t('availability_weekly')}
              </label>
            </div>
          </fieldset>
          <Field label={t(mode === 'once' ? 'availability_start_date' : 'availability_first_date')} error={fieldErrors.start_date ?? fieldErrors.starts_at}>
            {(control) => <Input {...control} type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} />}
          </Field>
          <Field label={t('availability_start_time')}>
            {(control) => <Input {...control} type="time" value={startTime} onChange={(e) => setStartTime(e.target.value)} />}
          </Field>
          {mode === 'once' ? (
            <Field label={t('availability_end_date')} hint={t('availability_end_date_hint')}>
              {(control) => <Input {...control} type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} />}
            </Field>
          ) : (
            <Field label={t('availability_weeks')} error={fieldErrors.rrule}>
              {(control) => (
                <Input {...control} type="number" min={1} max={104} value={weeks} onChange={(e) => setWeeks(e.target.value)} />
              )}
            </Field>
          )}
          <Field label={t('availability_end_time')}>
            {(control) => <Input {...control} type="time" value={endTime} onChange={(e) => setEndTime(e.target.value)} />}
          </Field>
        </div>
        {mode === 'weekly' ? (
          <fieldset>
            <legend className="text-sm font-medium">{t('availability_days')}</legend>
            <div className="mt-2 flex flex-wrap gap-3 text-sm">
              {WEEKDAYS.map((day) => (
                <label key={day} className="flex items-center gap-1.5">
                  <input
                    type="checkbox"
                    checked={days.includes(day)}
                    onChange={(e) => setDays(e.target.checked ? [...days, day] : days.filter((d) => d !== day))}
                  />
                  {t(`weekday_${day.toLowerCase() as 'mo'}`)}
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
        <Field label={t('availability_note')}>
          {(control) => <Input {...control} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <Button type="submit" loading={create.isPending}>
          {t(approvedAtOnce ? 'availability_add_submit' : 'availability_request_submit')}
        </Button>
      </form>
    </Card>
  );
}

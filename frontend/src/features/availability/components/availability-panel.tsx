import { useState } from 'react';
import { z } from 'zod';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Card, CardTitle } from '@/components/ui/card/card';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { Select } from '@/components/ui/select/select';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useDates, zonedWallTimeToInstant } from '@/lib/dates';
import { TIME_OF_DAY, useFormText, useZodForm } from '@/lib/forms';
import { useLocale } from '@/lib/i18n/use-locale';
import { useCreateAvailability, type AvailabilityCreate } from '@/features/availability/api/create-availability';
import { useAbsenceTypes } from '@/features/availability/api/list-absence-types';
import { useAvailabilityWindows } from '@/features/availability/api/list-availability-windows';
import { WindowItem } from '@/features/availability/components/window-item';
import { buildWeeklyRule, durationBetween, WEEKDAYS } from '@/features/availability/utils/rrule';

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

/** A one-off window (start day, optional end day) or a weekly one (days and a number of weeks). */
const availabilitySchema = z
  .object({
    kind: z.enum(['available', 'unavailable'], 'form_invalid'),
    absenceType: z.string(),
    mode: z.enum(['once', 'weekly'], 'form_invalid'),
    startDate: z.string().min(1, 'availability_need_start'),
    startTime: z.string().regex(TIME_OF_DAY, 'form_required'),
    endDate: z.string(),
    endTime: z.string().regex(TIME_OF_DAY, 'form_required'),
    days: z.array(z.enum(WEEKDAYS)),
    weeks: z.string(),
    note: z.string().max(2000, 'form_invalid'),
  })
  .superRefine((values, ctx) => {
    if (values.mode !== 'weekly') return;
    if (values.days.length === 0) ctx.addIssue({ code: 'custom', path: ['days'], message: 'availability_need_days' });
    const weeks = Number(values.weeks);
    if (!Number.isInteger(weeks) || weeks < 1 || weeks > 104) {
      ctx.addIssue({ code: 'custom', path: ['weeks'], message: 'availability_weeks_range' });
    }
  });

function AvailabilityForm({ userId, approvedAtOnce }: { userId: number; approvedAtOnce: boolean }) {
  const { t, tError, tFieldErrors } = useLocale();
  const { timeZone } = useDates();
  const create = useCreateAvailability();
  const errorText = useFormText();
  const form = useZodForm(availabilitySchema, {
    defaultValues: {
      kind: 'unavailable',
      absenceType: '',
      mode: 'once',
      startDate: '',
      startTime: '09:00',
      endDate: '',
      endTime: '18:00',
      days: [],
      weeks: '4',
      note: '',
    },
  });
  const { errors } = form.formState;
  const [kind, mode] = form.watch(['kind', 'mode']);
  const types = useAbsenceTypes();
  const activeTypes = (types.data?.items ?? []).filter((type) => type.active);
  const [saved, setSaved] = useState(false);

  const submit = form.handleSubmit((values) => {
    setSaved(false);
    const typed = values.kind === 'unavailable' && values.absenceType ? { absence_type_id: Number(values.absenceType) } : {};
    const common = { user_id: userId, kind: values.kind, note: values.note, ...typed };
    const body: AvailabilityCreate =
      values.mode === 'once'
        ? {
            ...common,
            starts_at: zonedWallTimeToInstant(`${values.startDate}T${values.startTime}`, timeZone),
            ends_at: zonedWallTimeToInstant(`${values.endDate || values.startDate}T${values.endTime}`, timeZone),
          }
        : {
            ...common,
            rrule: buildWeeklyRule({ days: values.days, weeks: Number(values.weeks) }),
            start_date: values.startDate,
            start_time: values.startTime,
            duration_minutes: durationBetween(values.startTime, values.endTime),
          };
    create.mutate(body, {
      onSuccess: () => {
        setSaved(true);
        form.setValue('note', '');
      },
    });
  });

  const fieldErrors = tFieldErrors(create.error);
  return (
    <Card>
      <CardTitle>{t(approvedAtOnce ? 'availability_add_title' : 'availability_request_title')}</CardTitle>
      <form onSubmit={submit} noValidate className="mt-4 space-y-4">
        {create.isError ? <Alert variant="danger">{tError(create.error)}</Alert> : null}
        {saved ? (
          <Alert variant="success">{t(approvedAtOnce ? 'availability_saved' : 'availability_requested')}</Alert>
        ) : null}
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={t('availability_kind')}>
            {(control) => (
              <Select {...control} {...form.register('kind')}>
                <option value="unavailable">{t('availability_kind_unavailable')}</option>
                <option value="available">{t('availability_kind_available')}</option>
              </Select>
            )}
          </Field>
          {kind === 'unavailable' ? (
            <Field label={t('absence_type')}>
              {(control) => (
                <Select {...control} {...form.register('absenceType')}>
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
                <input type="radio" value="once" {...form.register('mode')} />
                {t('availability_once')}
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" value="weekly" {...form.register('mode')} />
                {t('availability_weekly')}
              </label>
            </div>
          </fieldset>
          <Field label={t(mode === 'once' ? 'availability_start_date' : 'availability_first_date')} error={errorText(errors.startDate) ?? fieldErrors.start_date ?? fieldErrors.starts_at}>
            {(control) => <Input {...control} type="date" {...form.register('startDate')} state={errors.startDate ? 'invalid' : 'default'} />}
          </Field>
          <Field label={t('availability_start_time')} error={errorText(errors.startTime)}>
            {(control) => <Input {...control} type="time" {...form.register('startTime')} />}
          </Field>
          {mode === 'once' ? (
            <Field label={t('availability_end_date')} hint={t('availability_end_date_hint')}>
              {(control) => <Input {...control} type="date" {...form.register('endDate')} />}
            </Field>
          ) : (
            <Field label={t('availability_weeks')} error={errorText(errors.weeks) ?? fieldErrors.rrule}>
              {(control) => (
                <Input {...control} type="number" min={1} max={104} {...form.register('weeks')} state={errors.weeks ? 'invalid' : 'default'} />
              )}
            </Field>
          )}
          <Field label={t('availability_end_time')} error={errorText(errors.endTime)}>
            {(control) => <Input {...control} type="time" {...form.register('endTime')} />}
          </Field>
        </div>
        {mode === 'weekly' ? (
          <fieldset>
            <legend className="text-sm font-medium">{t('availability_days')}</legend>
            <div className="mt-2 flex flex-wrap gap-3 text-sm">
              {WEEKDAYS.map((day) => (
                <label key={day} className="flex items-center gap-1.5">
                  <input type="checkbox" value={day} {...form.register('days')} />
                  {t(`weekday_${day.toLowerCase() as 'mo'}`)}
                </label>
              ))}
            </div>
            {errors.days ? (
              <p role="alert" className="mt-1 text-sm text-danger">
                {errorText(errors.days)}
              </p>
            ) : null}
          </fieldset>
        ) : null}
        <Field label={t('availability_note')} error={errorText(errors.note)}>
          {(control) => <Input {...control} {...form.register('note')} maxLength={2000} />}
        </Field>
        <Button type="submit" loading={create.isPending}>
          {t(approvedAtOnce ? 'availability_add_submit' : 'availability_request_submit')}
        </Button>
      </form>
    </Card>
  );
}

import { useFieldArray } from 'react-hook-form';
import { z } from 'zod';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { zonedWallTimeToInstant } from '@/lib/dates';
import { TIME_OF_DAY, useFormText, useZodForm } from '@/lib/forms';
import { useLocale } from '@/lib/i18n/use-locale';
import {
  useCreateAvailabilityRequest,
  type AvailabilityRequestCreate,
} from '@/features/availability-requests/api/create-availability-request';
import type { AvailabilityRequest } from '@/features/availability-requests/api/get-availability-request';
import { slotKey } from '@/features/availability-requests/utils/heat';

export interface AvailabilityRequestFormProps {
  /** The org's timezone: the deadline is typed on its wall clock. */
  timeZone: string;
  /** The people that may be asked (the route searches them with `onSearch`). */
  people: { id: number; name: string }[];
  search: string;
  onSearch: (query: string) => void;
  onCreated: (request: AvailabilityRequest) => void;
}

/** The API's rules (core availability_requests/schemas.py), checked before sending. */
const requestSchema = z
  .object({
    title: z.string().trim().min(1, 'form_required').max(200, 'form_invalid'),
    startsOn: z.string().min(1, 'form_required'),
    endsOn: z.string(),
    deadline: z.string().min(1, 'form_required'),
    slots: z
      .array(
        z.object({
          label: z.string().trim().min(1, 'form_required').max(60, 'form_invalid'),
          start: z.string().regex(TIME_OF_DAY, 'form_required'),
          end: z.string().regex(TIME_OF_DAY, 'form_required'),
        }),
      )
      .max(8, 'form_invalid'),
    userIds: z.array(z.number()).min(1, 'availability_request_people_required').max(500, 'form_invalid'),
    // Empty: no automatic reminder.
    remind: z
      .string()
      .trim()
      .transform((v) => (v === '' ? null : Number(v)))
      .pipe(
        z
          .number('form_invalid_integer')
          .int('form_invalid_integer')
          .min(1, 'availability_request_remind_range')
          .max(720, 'availability_request_remind_range')
          .nullable(),
      ),
    message: z.string().max(4000, 'form_invalid'),
  })
  .refine((v) => !v.endsOn || !v.startsOn || v.endsOn >= v.startsOn, { path: ['endsOn'], message: 'availability_request_bad_dates' });

/** Create a request: title, period, optional named slots, people, deadline, message. */
export function AvailabilityRequestForm({ timeZone, people, search, onSearch, onCreated }: AvailabilityRequestFormProps) {
  const { t, tError } = useLocale();
  const create = useCreateAvailabilityRequest();
  const errorText = useFormText();
  const form = useZodForm(requestSchema, {
    defaultValues: { title: '', startsOn: '', endsOn: '', deadline: '', slots: [], userIds: [], remind: '48', message: '' },
  });
  const slots = useFieldArray({ control: form.control, name: 'slots' });
  const { errors } = form.formState;
  const picked = form.watch('userIds');
  const toggle = (id: number) => {
    const next = picked.includes(id) ? picked.filter((other) => other !== id) : [...picked, id];
    form.setValue('userIds', next, { shouldValidate: form.formState.isSubmitted });
  };

  const submit = form.handleSubmit((values) => {
    const keys: string[] = [];
    const body: AvailabilityRequestCreate = {
      title: values.title,
      starts_on: values.startsOn,
      ends_on: values.endsOn || values.startsOn,
      user_ids: values.userIds,
      deadline: zonedWallTimeToInstant(values.deadline, timeZone),
      message: values.message,
      remind_hours_before: values.remind,
      slots: values.slots.map((slot) => {
        const key = slotKey(slot.label, keys);
        keys.push(key);
        return { key, label: slot.label, start: slot.start, end: slot.end };
      }),
    };
    create.mutate(body, { onSuccess: onCreated });
  });
  const invalid = (error: unknown) => (error ? 'invalid' : 'default');

  return (
    <form className="space-y-4" noValidate onSubmit={submit}>
      <Field label={t('availability_request_field_title')} error={errorText(errors.title)}>
        {(control) => <Input {...control} {...form.register('title')} maxLength={200} state={invalid(errors.title)} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t('availability_request_field_starts_on')} error={errorText(errors.startsOn)}>
          {(control) => <Input {...control} type="date" {...form.register('startsOn')} state={invalid(errors.startsOn)} />}
        </Field>
        <Field label={t('availability_request_field_ends_on')} error={errorText(errors.endsOn)}>
          {(control) => <Input {...control} type="date" {...form.register('endsOn')} state={invalid(errors.endsOn)} />}
        </Field>
        <Field label={t('availability_request_field_deadline')} error={errorText(errors.deadline)}>
          {(control) => <Input {...control} type="datetime-local" {...form.register('deadline')} state={invalid(errors.deadline)} />}
        </Field>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t('availability_request_slots')}</legend>
        <p className="text-xs text-muted-foreground">{t('availability_request_slots_hint')}</p>
        {slots.fields.map((slot, index) => (
          <div key={slot.id} className="flex flex-wrap items-end gap-2">
            <Field label={t('availability_request_slot_label')} className="min-w-40 flex-1" error={errorText(errors.slots?.[index]?.label)}>
              {(control) => <Input {...control} {...form.register(`slots.${index}.label`)} maxLength={60} state={invalid(errors.slots?.[index]?.label)} />}
            </Field>
            <Field label={t('availability_request_slot_start')} error={errorText(errors.slots?.[index]?.start)}>
              {(control) => <Input {...control} type="time" {...form.register(`slots.${index}.start`)} />}
            </Field>
            <Field label={t('availability_request_slot_end')} error={errorText(errors.slots?.[index]?.end)}>
              {(control) => <Input {...control} type="time" {...form.register(`slots.${index}.end`)} />}
            </Field>
            <Button type="button" variant="ghost" onClick={() => slots.remove(index)}>
              {t('availability_request_slot_remove')}
            </Button>
          </div>
        ))}
        <Button
          type="button"
          variant="secondary"
          size="sm"
          disabled={slots.fields.length >= 8}
          onClick={() => slots.append({ label: '', start: '08:00', end: '13:00' })}
        >
          {t('availability_request_slot_add')}
        </Button>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t('availability_request_people', { count: picked.length })}</legend>
        <Field label={t('availability_request_people_search')}>
          {(control) => <Input {...control} type="search" value={search} onChange={(e) => onSearch(e.target.value)} />}
        </Field>
        <ul className="max-h-64 space-y-1 overflow-y-auto rounded-md border border-border p-2">
          {people.map((person) => (
            <li key={person.id}>
              <label className="flex min-h-9 items-center gap-2">
                <input type="checkbox" checked={picked.includes(person.id)} onChange={() => toggle(person.id)} />
                <span>{person.name}</span>
              </label>
            </li>
          ))}
        </ul>
        {errors.userIds ? (
          <p role="alert" className="text-sm text-danger">
            {errorText(errors.userIds)}
          </p>
        ) : null}
      </fieldset>
      <Field label={t('availability_request_field_remind')} hint={t('availability_request_field_remind_hint')} error={errorText(errors.remind)}>
        {(control) => <Input {...control} type="number" min={1} max={720} {...form.register('remind')} state={invalid(errors.remind)} />}
      </Field>
      <Field label={t('availability_request_field_message')} error={errorText(errors.message)}>
        {(control) => (
          <textarea
            {...control}
            {...form.register('message')}
            maxLength={4000}
            rows={3}
            className="block w-full rounded-md border border-input bg-surface px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring"
          />
        )}
      </Field>
      {create.error ? <Alert variant="danger">{tError(create.error)}</Alert> : null}
      <Button type="submit" loading={create.isPending}>
        {t('availability_request_send')}
      </Button>
    </form>
  );
}

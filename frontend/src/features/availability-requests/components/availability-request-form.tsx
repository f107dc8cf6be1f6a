import { useState } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { zonedWallTimeToInstant } from '@/lib/dates';
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

interface SlotDraft {
  label: string;
  start: string;
  end: string;
}

/** Create a request: title, period, optional named slots, people, deadline, message. */
export function AvailabilityRequestForm({ timeZone, people, search, onSearch, onCreated }: AvailabilityRequestFormProps) {
  const { t, tError } = useLocale();
  const create = useCreateAvailabilityRequest();
  const [title, setTitle] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [deadline, setDeadline] = useState('');
  const [message, setMessage] = useState('');
  const [remindHours, setRemindHours] = useState('48');
  const [slots, setSlots] = useState<SlotDraft[]>([]);
  const [picked, setPicked] = useState<Map<number, string>>(new Map());

  const toggle = (id: number, name: string) => {
    setPicked((previous) => {
      const next = new Map(previous);
      if (next.has(id)) next.delete(id);
      else next.set(id, name);
      return next;
    });
  };
  const setSlot = (index: number, change: Partial<SlotDraft>) => {
    setSlots((previous) => previous.map((slot, n) => (n === index ? { ...slot, ...change } : slot)));
  };

  const submit = () => {
    const keys: string[] = [];
    const body: AvailabilityRequestCreate = {
      title,
      starts_on: startsOn,
      ends_on: endsOn || startsOn,
      user_ids: [...picked.keys()],
      deadline: deadline ? zonedWallTimeToInstant(deadline, timeZone) : '',
      message,
      remind_hours_before: remindHours ? Number(remindHours) : null,
      slots: slots.map((slot) => {
        const key = slotKey(slot.label, keys);
        keys.push(key);
        return { key, label: slot.label, start: slot.start, end: slot.end };
      }),
    };
    create.mutate(body, { onSuccess: onCreated });
  };

  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Field label={t('availability_request_field_title')}>
        {(control) => <Input {...control} value={title} required maxLength={200} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t('availability_request_field_starts_on')}>
          {(control) => <Input {...control} type="date" required value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />}
        </Field>
        <Field label={t('availability_request_field_ends_on')}>
          {(control) => <Input {...control} type="date" required value={endsOn} onChange={(e) => setEndsOn(e.target.value)} />}
        </Field>
        <Field label={t('availability_request_field_deadline')}>
          {(control) => (
            <Input {...control} type="datetime-local" required value={deadline} onChange={(e) => setDeadline(e.target.value)} />
          )}
        </Field>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t('availability_request_slots')}</legend>
        <p className="text-xs text-muted-foreground">{t('availability_request_slots_hint')}</p>
        {slots.map((slot, index) => (
          <div key={index} className="flex flex-wrap items-end gap-2">
            <Field label={t('availability_request_slot_label')} className="min-w-40 flex-1">
              {(control) => (
                <Input {...control} required value={slot.label} maxLength={60} onChange={(e) => setSlot(index, { label: e.target.value })} />
              )}
            </Field>
            <Field label={t('availability_request_slot_start')}>
              {(control) => <Input {...control} type="time" required value={slot.start} onChange={(e) => setSlot(index, { start: e.target.value })} />}
            </Field>
            <Field label={t('availability_request_slot_end')}>
              {(control) => <Input {...control} type="time" required value={slot.end} onChange={(e) => setSlot(index, { end: e.target.value })} />}
            </Field>
            <Button type="button" variant="ghost" onClick={() => setSlots((previous) => previous.filter((_, n) => n !== index))}>
              {t('availability_request_slot_remove')}
            </Button>
          </div>
        ))}
        <Button type="button" variant="secondary" size="sm" onClick={() => setSlots((previous) => [...previous, { label: '', start: '08:00', end: '13:00' }])}>
          {t('availability_request_slot_add')}
        </Button>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t('availability_request_people', { count: picked.size })}</legend>
        <Field label={t('availability_request_people_search')}>
          {(control) => <Input {...control} type="search" value={search} onChange={(e) => onSearch(e.target.value)} />}
        </Field>
        <ul className="max-h-64 space-y-1 overflow-y-auto rounded-md border border-border p-2">
          {people.map((person) => (
            <li key={person.id}>
              <label className="flex min-h-9 items-center gap-2">
                <input type="checkbox" checked={picked.has(person.id)} onChange={() => toggle(person.id, person.name)} />
                <span>{person.name}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <Field label={t('availability_request_field_remind')} hint={t('availability_request_field_remind_hint')}>
        {(control) => (
          <Input {...control} type="number" min={1} max={720} value={remindHours} onChange={(e) => setRemindHours(e.target.value)} />
        )}
      </Field>
      <Field label={t('availability_request_field_message')}>
        {(control) => (
          <textarea
            {...control}
            value={message}
            maxLength={4000}
            rows={3}
            onChange={(e) => setMessage(e.target.value)}
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

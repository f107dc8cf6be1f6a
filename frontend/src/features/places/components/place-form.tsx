import { useId, useState, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Card, CardTitle } from '@/components/ui/card/card';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { formatTime, isTimeZone, useDates, zoneLabel } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import type { MessageKey } from '@/lib/i18n/translate';
import {
  placeBody,
  placeFormErrors,
  type PlaceBody,
  type PlaceFormErrors,
  type PlaceFormField,
  type PlaceFormValues,
} from '@/features/places/utils/place-form';

/** IANA names the browser lists, offered as suggestions (any other IANA name may be typed). */
const TIMEZONES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/**
 * Creates or edits a place: name, address, IANA timezone (with the local time there,
 * so a wrong zone shows at once), coordinates, notes. Checked here first, then by
 * the server, whose error is shown as is.
 */
export function PlaceForm({
  initial,
  title,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  initial: PlaceFormValues;
  title: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (body: PlaceBody) => void;
  onCancel: () => void;
}) {
  const { t, tError, locale } = useLocale();
  const { timeZone: orgZone } = useDates();
  const listId = useId();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<PlaceFormErrors>({});
  // The local time there when the form opened: enough to notice a wrong zone.
  const [openedAt] = useState(() => Date.now());
  const set = (field: keyof PlaceFormValues) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.value }));
  const message = (field: PlaceFormField) => {
    const problem = errors[field];
    return problem ? t(`places_error_${problem}` as MessageKey) : undefined;
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = placeFormErrors(values);
    setErrors(found);
    if (Object.keys(found).length) return;
    onSubmit(placeBody(values));
  }

  const zone = values.timezone.trim();
  const localNow = isTimeZone(zone)
    ? t('places_local_time', { time: formatTime(openedAt, { timeZone: zone, locale }), zone: zoneLabel(zone) })
    : null;
  return (
    <Card>
      <form onSubmit={submit} noValidate className="space-y-4" aria-label={title}>
        <CardTitle>{title}</CardTitle>
        {error ? <Alert variant="danger">{tError(error)}</Alert> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t('places_field_name')} error={message('name')}>
            {(p) => (
              <Input {...p} value={values.name} onChange={set('name')} maxLength={200} state={errors.name ? 'invalid' : 'default'} required />
            )}
          </Field>
          <Field
            label={t('places_field_timezone')}
            hint={
              <>
                <span className="block">{t('places_field_timezone_hint', { timezone: orgZone })}</span>
                {localNow ? <span className="block" data-testid="place-local-time">{localNow}</span> : null}
              </>
            }
            error={message('timezone')}
          >
            {(p) => (
              <>
                <Input
                  {...p}
                  value={values.timezone}
                  onChange={set('timezone')}
                  list={listId}
                  autoComplete="off"
                  spellCheck={false}
                  state={errors.timezone ? 'invalid' : 'default'}
                  required
                />
                <datalist id={listId}>
                  {TIMEZONES.map((name) => (
                    <option key={name} value={name} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
        </div>
        <Field label={t('places_field_address')}>
          {(p) => <Input {...p} value={values.address} onChange={set('address')} maxLength={500} />}
        </Field>
        <fieldset className="space-y-2">
          <legend className="sr-only">{t('places_field_coordinates_hint')}</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={t('places_field_latitude')} error={message('latitude')}>
              {(p) => (
                <Input {...p} inputMode="decimal" value={values.latitude} onChange={set('latitude')} state={errors.latitude ? 'invalid' : 'default'} />
              )}
            </Field>
            <Field label={t('places_field_longitude')} error={message('longitude')}>
              {(p) => (
                <Input {...p} inputMode="decimal" value={values.longitude} onChange={set('longitude')} state={errors.longitude ? 'invalid' : 'default'} />
              )}
            </Field>
          </div>
          <p className="text-xs text-muted-foreground">{t('places_field_coordinates_hint')}</p>
        </fieldset>
        <Field label={t('places_field_notes')}>
          {(p) => (
            <textarea
              {...p}
              rows={2}
              maxLength={2000}
              className="block w-full rounded-md border border-input bg-surface px-3 py-2 text-sm"
              value={values.notes}
              onChange={set('notes')}
            />
          )}
        </Field>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('action_cancel')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

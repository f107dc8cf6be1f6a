import { useId, useState } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Card, CardTitle } from '@/components/ui/card/card';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { formatTime, isTimeZone, useDates, zoneLabel } from '@/lib/dates';
import { useFormText, useZodForm } from '@/lib/forms';
import { useLocale } from '@/lib/i18n/use-locale';
import { placeSchema, type PlaceBody, type PlaceFormValues } from '@/features/places/utils/place-form';

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
  const errorText = useFormText();
  const form = useZodForm(placeSchema, { defaultValues: initial });
  const { errors } = form.formState;
  // The local time there when the form opened: enough to notice a wrong zone.
  const [openedAt] = useState(() => Date.now());
  const submit = form.handleSubmit(onSubmit);

  const zone = form.watch('timezone').trim();
  const localNow = isTimeZone(zone)
    ? t('places_local_time', { time: formatTime(openedAt, { timeZone: zone, locale }), zone: zoneLabel(zone) })
    : null;
  return (
    <Card>
      <form onSubmit={submit} noValidate className="space-y-4" aria-label={title}>
        <CardTitle>{title}</CardTitle>
        {error ? <Alert variant="danger">{tError(error)}</Alert> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t('places_field_name')} error={errorText(errors.name)}>
            {(p) => <Input {...p} {...form.register('name')} maxLength={200} state={errors.name ? 'invalid' : 'default'} />}
          </Field>
          <Field
            label={t('places_field_timezone')}
            hint={
              <>
                <span className="block">{t('places_field_timezone_hint', { timezone: orgZone })}</span>
                {localNow ? <span className="block" data-testid="place-local-time">{localNow}</span> : null}
              </>
            }
            error={errorText(errors.timezone)}
          >
            {(p) => (
              <>
                <Input
                  {...p}
                  {...form.register('timezone')}
                  list={listId}
                  autoComplete="off"
                  spellCheck={false}
                  state={errors.timezone ? 'invalid' : 'default'}
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
          {(p) => <Input {...p} {...form.register('address')} maxLength={500} />}
        </Field>
        <fieldset className="space-y-2">
          <legend className="sr-only">{t('places_field_coordinates_hint')}</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={t('places_field_latitude')} error={errorText(errors.latitude)}>
              {(p) => <Input {...p} {...form.register('latitude')} inputMode="decimal" state={errors.latitude ? 'invalid' : 'default'} />}
            </Field>
            <Field label={t('places_field_longitude')} error={errorText(errors.longitude)}>
              {(p) => <Input {...p} {...form.register('longitude')} inputMode="decimal" state={errors.longitude ? 'invalid' : 'default'} />}
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
              {...form.register('notes')}
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

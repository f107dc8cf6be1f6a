import { useState, type ReactNode } from 'react';
import { z } from 'zod';

import { Alert } from '@/components/ui/alert/alert';
import { Badge } from '@/components/ui/badge/badge';
import { Button } from '@/components/ui/button/button';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card/card';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { Spinner } from '@/components/ui/spinner/spinner';
import { isApiError } from '@/lib/api/api-error';
import { useDates } from '@/lib/dates';
import { useFormText, useZodForm } from '@/lib/forms';
import { useLocale } from '@/lib/i18n/use-locale';
import { useConfirmMfaEnrolment, useRefreshMe } from '@/features/auth/api/confirm-mfa-enrolment';
import { useDisableMfa } from '@/features/auth/api/disable-mfa';
import { useMfaStatus } from '@/features/auth/api/get-mfa-status';
import { useTrustedDevices } from '@/features/auth/api/list-trusted-devices';
import { useRegenerateRecoveryCodes } from '@/features/auth/api/regenerate-recovery-codes';
import { useRevokeTrustedDevice } from '@/features/auth/api/revoke-trusted-device';
import { useStartMfaEnrolment } from '@/features/auth/api/start-mfa-enrolment';

/**
 * The "Security" section of the account: turn two-step verification on (QR code or manual
 * key, confirmed by a first code), see and regenerate recovery codes, list and revoke
 * trusted devices, turn it off (password and a current code).
 */
export function MfaPanel() {
  const { t } = useLocale();
  const status = useMfaStatus();
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('mfa_title')}</CardTitle>
        <CardDescription>{t('mfa_description')}</CardDescription>
      </CardHeader>
      {status.isPending ? (
        <Spinner label={t('loading')} />
      ) : status.isError ? (
        <ErrorAlert error={status.error} />
      ) : status.data.enabled ? (
        <MfaEnabled codesLeft={status.data.recovery_codes_left} required={status.data.required} />
      ) : (
        <MfaEnrolment required={status.data.required} />
      )}
    </Card>
  );
}

function ErrorAlert({ error }: { error: unknown }) {
  const { tError } = useLocale();
  return <Alert variant="danger">{tError(error)}</Alert>;
}

const codeSchema = z.object({ code: z.string().regex(/^\d{6}$/, 'mfa_code_six_digits') });

/** A form of one 6-digit code: the form, and the props of its `CodeField`. */
function useCodeForm() {
  const errorText = useFormText();
  const form = useZodForm(codeSchema, { defaultValues: { code: '' } });
  const field = {
    value: form.watch('code'),
    onChange: (value: string) => form.setValue('code', value, { shouldValidate: form.formState.isSubmitted }),
    error: errorText(form.formState.errors.code),
  };
  return { form, field };
}

const disableSchema = z.object({
  password: z.string().min(1, 'form_required'),
  code: z.string().trim().min(1, 'form_required'),
});

function CodeField({
  value,
  onChange,
  error,
  label,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  label?: ReactNode;
}) {
  const { t } = useLocale();
  return (
    <Field label={label ?? t('field_mfa_code')} error={error}>
      {(control) => (
        <Input
          {...control}
          autoComplete="one-time-code"
          inputMode="numeric"
          pattern="[0-9]*"
          maxLength={6}
          className="max-w-40"
          value={value}
          onChange={(event) => onChange(event.target.value.replace(/\D/g, ''))}
          state={error ? 'invalid' : 'default'}
        />
      )}
    </Field>
  );
}

function RecoveryCodesView({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useLocale();
  return (
    <div className="space-y-3" aria-live="polite">
      <Alert variant="warning">{t('mfa_recovery_codes_once')}</Alert>
      <ul aria-label={t('mfa_recovery_codes')} className="grid grid-cols-2 gap-2 font-mono text-sm sm:grid-cols-5">
        {codes.map((code) => (
          <li key={code} className="rounded-md border border-border bg-muted px-2 py-1 text-center">
            {code}
          </li>
        ))}
      </ul>
      <Button onClick={onDone}>{t('mfa_recovery_codes_saved')}</Button>
    </div>
  );
}

function MfaEnrolment({ required }: { required: boolean }) {
  const { t } = useLocale();
  const start = useStartMfaEnrolment();
  const confirm = useConfirmMfaEnrolment();
  const refreshMe = useRefreshMe();
  const { form, field } = useCodeForm();

  if (confirm.data) {
    return (
      <div className="space-y-3">
        <Alert variant="success">{t('mfa_enabled_now')}</Alert>
        <RecoveryCodesView
          codes={confirm.data.recovery_codes}
          // the status turns "on" and this screen (and the codes) goes away
          onDone={() => void refreshMe()}
        />
      </div>
    );
  }

  const submit = form.handleSubmit((values) => confirm.mutate(values));

  const enrolment = start.data;
  return (
    <div className="space-y-4">
      {required ? <Alert variant="warning">{t('mfa_required_by_org')}</Alert> : null}
      <p className="text-sm">
        {t('mfa_status_label')} <Badge>{t('mfa_status_off')}</Badge>
      </p>
      {start.isError ? <ErrorAlert error={start.error} /> : null}
      {enrolment ? (
        <form onSubmit={submit} noValidate className="space-y-4">
          <ol className="list-decimal space-y-3 pl-5 text-sm">
            <li>
              {t('mfa_enrol_scan')}
              <img
                src={enrolment.qr_svg_data_uri}
                alt={t('mfa_enrol_qr_alt')}
                width={200}
                height={200}
                className="mt-2 size-48 rounded-md border border-border bg-white p-1"
              />
            </li>
            <li>
              {t('mfa_enrol_manual')}
              <code className="mt-1 block rounded-md bg-muted px-2 py-1 font-mono text-sm break-all" data-testid="mfa-secret">
                {enrolment.secret}
              </code>
            </li>
            <li>{t('mfa_enrol_type_code')}</li>
          </ol>
          {confirm.isError ? <ErrorAlert error={confirm.error} /> : null}
          <CodeField {...field} />
          <Button type="submit" loading={confirm.isPending}>
            {t('mfa_enrol_confirm')}
          </Button>
        </form>
      ) : (
        <Button onClick={() => start.mutate()} loading={start.isPending}>
          {t('mfa_enrol_start')}
        </Button>
      )}
    </div>
  );
}

function MfaEnabled({ codesLeft, required }: { codesLeft: number; required: boolean }) {
  const { t } = useLocale();
  return (
    <div className="space-y-6">
      <p className="text-sm">
        {t('mfa_status_label')} <Badge variant="success">{t('mfa_status_on')}</Badge>
      </p>
      <RegenerateCodes codesLeft={codesLeft} />
      <TrustedDevices />
      {required ? <p className="text-sm text-muted-foreground">{t('mfa_required_keep')}</p> : null}
      <DisableMfa />
    </div>
  );
}

function RegenerateCodes({ codesLeft }: { codesLeft: number }) {
  const { t } = useLocale();
  const regenerate = useRegenerateRecoveryCodes();
  const { form, field } = useCodeForm();
  const submit = form.handleSubmit((values) => regenerate.mutate(values, { onSuccess: () => form.reset() }));

  return (
    <section className="space-y-3">
      <h3 className="font-medium">{t('mfa_recovery_codes')}</h3>
      <p className="text-sm text-muted-foreground">{t('mfa_recovery_codes_left', { count: codesLeft })}</p>
      {regenerate.data ? (
        <RecoveryCodesView codes={regenerate.data.recovery_codes} onDone={() => regenerate.reset()} />
      ) : (
        <form onSubmit={submit} noValidate className="space-y-3">
          {regenerate.isError ? <ErrorAlert error={regenerate.error} /> : null}
          <CodeField {...field} label={t('mfa_regenerate_code_label')} />
          <Button type="submit" variant="secondary" loading={regenerate.isPending}>
            {t('mfa_regenerate')}
          </Button>
        </form>
      )}
    </section>
  );
}

function TrustedDevices() {
  const { t } = useLocale();
  const { formatDateTime } = useDates();
  const devices = useTrustedDevices(true);
  const revoke = useRevokeTrustedDevice();
  return (
    <section className="space-y-3">
      <h3 className="font-medium">{t('mfa_devices_title')}</h3>
      {revoke.isError ? <ErrorAlert error={revoke.error} /> : null}
      {devices.isPending ? (
        <Spinner label={t('loading')} />
      ) : devices.isError ? (
        <ErrorAlert error={devices.error} />
      ) : devices.data.items.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t('mfa_devices_none')}</p>
      ) : (
        <ul className="divide-y divide-border rounded-md border border-border">
          {devices.data.items.map((device) => (
            <li key={device.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
              <div className="min-w-0">
                <p className="font-medium">
                  {device.browser} {device.current ? <Badge variant="info">{t('mfa_devices_current')}</Badge> : null}
                </p>
                <p className="text-muted-foreground">
                  {t('mfa_devices_until', { date: formatDateTime(device.expires_at) })}
                </p>
              </div>
              <Button
                variant="secondary"
                size="sm"
                loading={revoke.isPending && revoke.variables === device.id}
                onClick={() => revoke.mutate(device.id)}
                aria-label={t('mfa_devices_revoke_named', { device: device.browser })}
              >
                {t('mfa_devices_revoke')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DisableMfa() {
  const { t } = useLocale();
  const disable = useDisableMfa();
  const errorText = useFormText();
  const [open, setOpen] = useState(false);
  const form = useZodForm(disableSchema, { defaultValues: { password: '', code: '' } });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) => disable.mutate(values));

  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t('mfa_disable')}
      </Button>
    );
  }
  const wrongPassword = isApiError(disable.error) && disable.error.code === 'auth.invalid_credentials';
  return (
    <form onSubmit={submit} noValidate className="max-w-md space-y-3">
      <h3 className="font-medium">{t('mfa_disable')}</h3>
      <p className="text-sm text-muted-foreground">{t('mfa_disable_hint')}</p>
      {disable.isError && !wrongPassword ? <ErrorAlert error={disable.error} /> : null}
      <Field
        label={t('field_current_password')}
        error={errorText(errors.password) ?? (wrongPassword ? t('password_current_wrong') : undefined)}
      >
        {(control) => (
          <Input
            {...control}
            type="password"
            autoComplete="current-password"
            {...form.register('password')}
            state={errors.password || wrongPassword ? 'invalid' : 'default'}
          />
        )}
      </Field>
      <Field label={t('field_mfa_or_recovery_code')} error={errorText(errors.code)}>
        {(control) => (
          <Input
            {...control}
            autoComplete="one-time-code"
            {...form.register('code')}
            state={errors.code ? 'invalid' : 'default'}
          />
        )}
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" loading={disable.isPending}>
          {t('mfa_disable_submit')}
        </Button>
        <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
          {t('action_cancel')}
        </Button>
      </div>
    </form>
  );
}

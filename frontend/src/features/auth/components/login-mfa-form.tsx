import { z } from 'zod';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { isApiError } from '@/lib/api/api-error';
import { useFormText, useZodForm } from '@/lib/forms';
import { useLocale } from '@/lib/i18n/use-locale';
import { useLoginMfa } from '@/features/auth/api/login-mfa';

/** A code from the app is 6 digits; a recovery code is anything the user was given. */
const mfaSchema = z
  .object({ recovery: z.boolean(), code: z.string().trim().min(1, 'form_required'), trust: z.boolean() })
  .superRefine((values, ctx) => {
    if (!values.recovery && values.code && !/^\d{6}$/.test(values.code)) {
      ctx.addIssue({ code: 'custom', path: ['code'], message: 'mfa_code_six_digits' });
    }
  });

interface LoginMfaFormProps {
  challenge: string;
  onSuccess: () => void;
  /** The challenge expired (or the password changed): back to the first step. */
  onRestart: () => void;
}

/**
 * The login's second step: the 6 digits of the authenticator app, or one recovery code,
 * and whether to trust this browser for 30 days.
 */
export function LoginMfaForm({ challenge, onSuccess, onRestart }: LoginMfaFormProps) {
  const { t, tError } = useLocale();
  const verify = useLoginMfa();
  const errorText = useFormText();
  const form = useZodForm(mfaSchema, { defaultValues: { recovery: false, code: '', trust: false } });
  const { errors, isSubmitted } = form.formState;
  const recovery = form.watch('recovery');
  const code = form.watch('code');
  const setCode = (value: string) => form.setValue('code', value, { shouldValidate: isSubmitted });

  const submit = form.handleSubmit((values) =>
    verify.mutate({ challenge, code: values.code, trust_device: values.trust }, { onSuccess }),
  );

  const expired = isApiError(verify.error) && verify.error.code === 'auth.mfa_challenge_invalid';
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <p className="text-sm text-muted-foreground">
        {recovery ? t('login_mfa_recovery_hint') : t('login_mfa_hint')}
      </p>
      {verify.isError ? (
        <Alert variant="danger">
          {tError(verify.error)}{' '}
          {expired ? (
            <button type="button" className="text-primary underline" onClick={onRestart}>
              {t('login_mfa_restart')}
            </button>
          ) : null}
        </Alert>
      ) : null}
      <Field
        label={recovery ? t('field_recovery_code') : t('field_mfa_code')}
        error={errorText(errors.code)}
      >
        {(control) =>
          recovery ? (
            <Input
              {...control}
              key="recovery"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              value={code}
              onChange={(event) => setCode(event.target.value)}
              state={errors.code ? 'invalid' : 'default'}
            />
          ) : (
            <Input
              {...control}
              key="totp"
              autoComplete="one-time-code"
              inputMode="numeric"
              pattern="[0-9]*"
              maxLength={6}
              value={code}
              onChange={(event) => setCode(event.target.value.replace(/\D/g, ''))}
              state={errors.code ? 'invalid' : 'default'}
            />
          )
        }
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="size-4" {...form.register('trust')} />
        {t('login_mfa_trust_device')}
      </label>
      <Button type="submit" className="w-full" loading={verify.isPending}>
        {t('login_mfa_submit')}
      </Button>
      <p className="flex flex-wrap justify-between gap-2 text-sm">
        <button
          type="button"
          className="text-primary underline-offset-4 hover:underline"
          onClick={() => {
            form.reset({ recovery: !recovery, code: '', trust: form.getValues('trust') });
          }}
        >
          {recovery ? t('login_mfa_use_app') : t('login_mfa_use_recovery')}
        </button>
        <button type="button" className="text-primary underline-offset-4 hover:underline" onClick={onRestart}>
          {t('login_mfa_back')}
        </button>
      </p>
    </form>
  );
}

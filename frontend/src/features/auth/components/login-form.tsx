import { useState } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { useFormText, useZodForm } from '@/lib/forms';
import { useLocale } from '@/lib/i18n/use-locale';
import { isMfaChallenge, useLogin } from '@/features/auth/api/login';
import { LoginMfaForm } from '@/features/auth/components/login-mfa-form';

const loginSchema = z.object({
  email: z.string().trim().min(1, 'form_required'),
  password: z.string().min(1, 'form_required'),
});

export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const { t, tError } = useLocale();
  const errorText = useFormText();
  const login = useLogin();
  const form = useZodForm(loginSchema, { defaultValues: { email: '', password: '' } });
  const { errors } = form.formState;
  // Set when the password was right and the account has two-step verification on.
  const [challenge, setChallenge] = useState<string | null>(null);

  const submit = form.handleSubmit((values) => {
    login.mutate(values, {
      onSuccess: (result) => {
        if (isMfaChallenge(result)) setChallenge(result.challenge);
        else onSuccess();
      },
    });
  });

  if (challenge) {
    return (
      <LoginMfaForm
        challenge={challenge}
        onSuccess={onSuccess}
        onRestart={() => {
          setChallenge(null);
          form.setValue('password', '');
          login.reset();
        }}
      />
    );
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {login.isError ? <Alert variant="danger">{tError(login.error)}</Alert> : null}
      <Field label={t('field_email')} error={errorText(errors.email)}>
        {(control) => (
          <Input
            {...control}
            {...form.register('email')}
            type="email"
            autoComplete="username"
            state={errors.email ? 'invalid' : 'default'}
          />
        )}
      </Field>
      <Field label={t('field_password')} error={errorText(errors.password)}>
        {(control) => (
          <Input
            {...control}
            {...form.register('password')}
            type="password"
            autoComplete="current-password"
            state={errors.password ? 'invalid' : 'default'}
          />
        )}
      </Field>
      <Button type="submit" className="w-full" loading={login.isPending}>
        {t('login_submit')}
      </Button>
      <p className="text-center text-sm">
        <Link to="/forgot-password" className="text-primary underline-offset-4 hover:underline">
          {t('login_forgot_password')}
        </Link>
      </p>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { useLocale } from '@/lib/i18n/use-locale';
import { isMfaChallenge, useLogin } from '@/features/auth/api/login';
import { LoginMfaForm } from '@/features/auth/components/login-mfa-form';

export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const { t, tError } = useLocale();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: boolean; password?: boolean }>({});
  // Set when the password was right and the account has two-step verification on.
  const [challenge, setChallenge] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = { email: !email.trim(), password: !password };
    setMissing(next);
    if (next.email || next.password) return;
    login.mutate(
      { email: email.trim(), password },
      {
        onSuccess: (result) => {
          if (isMfaChallenge(result)) setChallenge(result.challenge);
          else onSuccess();
        },
      },
    );
  }

  if (challenge) {
    return (
      <LoginMfaForm
        challenge={challenge}
        onSuccess={onSuccess}
        onRestart={() => {
          setChallenge(null);
          setPassword('');
          login.reset();
        }}
      />
    );
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {login.isError ? <Alert variant="danger">{tError(login.error)}</Alert> : null}
      <Field label={t('field_email')} error={missing.email ? t('form_required') : undefined}>
        {(control) => (
          <Input
            {...control}
            type="email"
            autoComplete="username"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            state={missing.email ? 'invalid' : 'default'}
          />
        )}
      </Field>
      <Field label={t('field_password')} error={missing.password ? t('form_required') : undefined}>
        {(control) => (
          <Input
            {...control}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            state={missing.password ? 'invalid' : 'default'}
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

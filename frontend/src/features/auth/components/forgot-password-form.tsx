import { useState, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { useLocale } from '@/lib/i18n/use-locale';
import { useRequestPasswordReset } from '@/features/auth/api/request-password-reset';

/** Asks for a reset link; the answer never tells whether the address has an account. */
export function ForgotPasswordForm() {
  const { t, tError } = useLocale();
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const [missing, setMissing] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMissing(!email.trim());
    if (!email.trim()) return;
    request.mutate({ email: email.trim() });
  }

  if (request.isSuccess) {
    return <Alert variant="success">{t('reset_request_sent')}</Alert>;
  }
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {request.isError ? <Alert variant="danger">{tError(request.error)}</Alert> : null}
      <Field
        label={t('field_email')}
        hint={t('reset_request_hint')}
        error={missing ? t('form_required') : undefined}
      >
        {(control) => (
          <Input
            {...control}
            type="email"
            autoComplete="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            state={missing ? 'invalid' : 'default'}
          />
        )}
      </Field>
      <Button type="submit" className="w-full" loading={request.isPending}>
        {t('reset_request_submit')}
      </Button>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { isApiError } from '@/lib/api/api-error';
import { useLocale } from '@/lib/i18n/use-locale';
import { useConfirmPasswordReset } from '@/features/auth/api/confirm-password-reset';
import {
  checkNewPassword,
  NewPasswordFields,
  type NewPasswordValue,
} from '@/features/auth/components/new-password-fields';

const linkClass = 'font-medium text-primary underline-offset-4 hover:underline';

/** Sets a new password with the single-use token from the emailed link. */
export function ResetPasswordForm({ token }: { token: string | null }) {
  const { t, tError } = useLocale();
  const confirm = useConfirmPasswordReset();
  const [value, setValue] = useState<NewPasswordValue>({ password: '', confirm: '' });
  const [problems, setProblems] = useState<ReturnType<typeof checkNewPassword>>({});

  if (!token) {
    return (
      <Alert variant="danger">
        {t('error_auth_invalid_reset_token')}{' '}
        <Link to="/forgot-password" className={linkClass}>
          {t('reset_request_again')}
        </Link>
      </Alert>
    );
  }
  if (confirm.isSuccess) {
    return (
      <Alert variant="success">
        {t('reset_done')}{' '}
        <Link to="/login" className={linkClass}>
          {t('reset_go_to_login')}
        </Link>
      </Alert>
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = checkNewPassword(value);
    setProblems(found);
    if (found.password || found.confirm || !token) return;
    confirm.mutate({ token, new_password: value.password });
  }

  const weak = isApiError(confirm.error) && confirm.error.code === 'auth.weak_password';
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {confirm.isError && !weak ? (
        <Alert variant="danger">
          {tError(confirm.error)}{' '}
          {isApiError(confirm.error) && confirm.error.code === 'auth.invalid_reset_token' ? (
            <Link to="/forgot-password" className={linkClass}>
              {t('reset_request_again')}
            </Link>
          ) : null}
        </Alert>
      ) : null}
      <NewPasswordFields
        value={value}
        onChange={setValue}
        error={problems.password ? t(problems.password) : weak ? tError(confirm.error) : undefined}
        confirmError={problems.confirm ? t(problems.confirm) : undefined}
      />
      <Button type="submit" className="w-full" loading={confirm.isPending}>
        {t('reset_submit')}
      </Button>
    </form>
  );
}

import { Link } from 'react-router';
import { z } from 'zod';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { isApiError } from '@/lib/api/api-error';
import { useFormText, useZodForm } from '@/lib/forms';
import { useLocale } from '@/lib/i18n/use-locale';
import { useConfirmPasswordReset } from '@/features/auth/api/confirm-password-reset';
import {
  CONFIRM_MISMATCH,
  confirmMatches,
  NewPasswordFields,
  newPasswordShape,
} from '@/features/auth/components/new-password-fields';

const resetSchema = z.object(newPasswordShape).refine(confirmMatches, CONFIRM_MISMATCH);

const linkClass = 'font-medium text-primary underline-offset-4 hover:underline';

/** Sets a new password with the single-use token from the emailed link. */
export function ResetPasswordForm({ token }: { token: string | null }) {
  const { t, tError } = useLocale();
  const errorText = useFormText();
  const confirm = useConfirmPasswordReset();
  const form = useZodForm(resetSchema, { defaultValues: { password: '', confirm: '' } });
  const { errors } = form.formState;

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

  const submit = form.handleSubmit(({ password }) => confirm.mutate({ token, new_password: password }));

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
        password={form.register('password')}
        confirm={form.register('confirm')}
        error={errors.password ? errorText(errors.password) : weak ? tError(confirm.error) : undefined}
        confirmError={errorText(errors.confirm)}
      />
      <Button type="submit" className="w-full" loading={confirm.isPending}>
        {t('reset_submit')}
      </Button>
    </form>
  );
}

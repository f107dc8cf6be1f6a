import { z } from 'zod';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { isApiError } from '@/lib/api/api-error';
import { useFormText, useZodForm } from '@/lib/forms';
import { useLocale } from '@/lib/i18n/use-locale';
import { useChangePassword } from '@/features/auth/api/change-password';
import {
  CONFIRM_MISMATCH,
  confirmMatches,
  NewPasswordFields,
  newPasswordShape,
} from '@/features/auth/components/new-password-fields';

const changeSchema = z
  .object({ current: z.string().min(1, 'form_required'), ...newPasswordShape })
  .refine(confirmMatches, CONFIRM_MISMATCH);

export function ChangePasswordForm() {
  const { t, tError } = useLocale();
  const errorText = useFormText();
  const change = useChangePassword();
  const form = useZodForm(changeSchema, { defaultValues: { current: '', password: '', confirm: '' } });
  const { errors } = form.formState;

  const submit = form.handleSubmit(({ current, password }) =>
    change.mutate({ current_password: current, new_password: password }, { onSuccess: () => form.reset() }),
  );

  const code = isApiError(change.error) ? change.error.code : undefined;
  const wrongCurrent = code === 'auth.invalid_credentials';
  const weak = code === 'auth.weak_password';
  return (
    <form onSubmit={submit} noValidate className="max-w-md space-y-4">
      {change.isSuccess ? <Alert variant="success">{t('password_changed')}</Alert> : null}
      {change.isError && !wrongCurrent && !weak ? (
        <Alert variant="danger">{tError(change.error)}</Alert>
      ) : null}
      <Field
        label={t('field_current_password')}
        error={errors.current ? errorText(errors.current) : wrongCurrent ? t('password_current_wrong') : undefined}
      >
        {(control) => (
          <Input
            {...control}
            {...form.register('current')}
            type="password"
            autoComplete="current-password"
            state={errors.current || wrongCurrent ? 'invalid' : 'default'}
          />
        )}
      </Field>
      <NewPasswordFields
        password={form.register('password')}
        confirm={form.register('confirm')}
        error={errors.password ? errorText(errors.password) : weak ? tError(change.error) : undefined}
        confirmError={errorText(errors.confirm)}
      />
      <Button type="submit" loading={change.isPending}>
        {t('password_change_submit')}
      </Button>
    </form>
  );
}

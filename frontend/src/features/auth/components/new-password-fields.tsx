import type { UseFormRegisterReturn } from 'react-hook-form';
import { z } from 'zod';

import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { useLocale } from '@/lib/i18n/use-locale';

/** The pair's fields, for a form's schema (the server has the final word on strength). */
export const newPasswordShape = {
  password: z.string().min(1, 'form_required'),
  confirm: z.string(),
};

/** The confirmation must repeat the new password (the error goes under "confirm"). */
export function confirmMatches(value: { password: string; confirm: string }): boolean {
  return value.password === value.confirm;
}

export const CONFIRM_MISMATCH = { path: ['confirm'], message: 'password_mismatch' };

/** "New password" + "confirm" pair shared by the reset page and the profile. */
export function NewPasswordFields({
  password,
  confirm,
  error,
  confirmError,
}: {
  /** `form.register('password')` and `form.register('confirm')` of the form. */
  password: UseFormRegisterReturn;
  confirm: UseFormRegisterReturn;
  error?: string;
  confirmError?: string;
}) {
  const { t } = useLocale();
  return (
    <>
      <Field label={t('field_new_password')} hint={t('password_rules')} error={error}>
        {(control) => (
          <Input
            {...control}
            {...password}
            type="password"
            autoComplete="new-password"
            state={error ? 'invalid' : 'default'}
          />
        )}
      </Field>
      <Field label={t('field_confirm_password')} error={confirmError}>
        {(control) => (
          <Input
            {...control}
            {...confirm}
            type="password"
            autoComplete="new-password"
            state={confirmError ? 'invalid' : 'default'}
          />
        )}
      </Field>
    </>
  );
}

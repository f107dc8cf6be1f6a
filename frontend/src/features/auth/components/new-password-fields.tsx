import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { useLocale } from '@/lib/i18n/use-locale';

export interface NewPasswordValue {
  password: string;
  confirm: string;
}

/** "New password" + "confirm" pair shared by the reset page and the profile. */
export function NewPasswordFields({
  value,
  onChange,
  error,
  confirmError,
}: {
  value: NewPasswordValue;
  onChange: (value: NewPasswordValue) => void;
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
            type="password"
            autoComplete="new-password"
            value={value.password}
            onChange={(event) => onChange({ ...value, password: event.target.value })}
            state={error ? 'invalid' : 'default'}
          />
        )}
      </Field>
      <Field label={t('field_confirm_password')} error={confirmError}>
        {(control) => (
          <Input
            {...control}
            type="password"
            autoComplete="new-password"
            value={value.confirm}
            onChange={(event) => onChange({ ...value, confirm: event.target.value })}
            state={confirmError ? 'invalid' : 'default'}
          />
        )}
      </Field>
    </>
  );
}

/** Client-side checks before asking the server (which has the final word on strength). */
export function checkNewPassword(
  value: NewPasswordValue,
): { password?: 'form_required'; confirm?: 'password_mismatch' } {
  if (!value.password) return { password: 'form_required' };
  if (value.password !== value.confirm) return { confirm: 'password_mismatch' };
  return {};
}

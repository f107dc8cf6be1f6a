import { useState, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { isApiError } from '@/lib/api/api-error';
import { useLocale } from '@/lib/i18n/use-locale';
import { useChangePassword } from '@/features/auth/api/change-password';
import {
  checkNewPassword,
  NewPasswordFields,
  type NewPasswordValue,
} from '@/features/auth/components/new-password-fields';

export function ChangePasswordForm() {
  const { t, tError } = useLocale();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [value, setValue] = useState<NewPasswordValue>({ password: '', confirm: '' });
  const [problems, setProblems] = useState<
    ReturnType<typeof checkNewPassword> & { current?: 'form_required' }
  >({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = { ...checkNewPassword(value), ...(current ? {} : { current: 'form_required' as const }) };
    setProblems(found);
    if (found.password || found.confirm || found.current) return;
    change.mutate(
      { current_password: current, new_password: value.password },
      {
        onSuccess: () => {
          setCurrent('');
          setValue({ password: '', confirm: '' });
        },
      },
    );
  }

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
        error={
          problems.current ? t(problems.current) : wrongCurrent ? t('password_current_wrong') : undefined
        }
      >
        {(control) => (
          <Input
            {...control}
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(event) => setCurrent(event.target.value)}
            state={problems.current || wrongCurrent ? 'invalid' : 'default'}
          />
        )}
      </Field>
      <NewPasswordFields
        value={value}
        onChange={setValue}
        error={problems.password ? t(problems.password) : weak ? tError(change.error) : undefined}
        confirmError={problems.confirm ? t(problems.confirm) : undefined}
      />
      <Button type="submit" loading={change.isPending}>
        {t('password_change_submit')}
      </Button>
    </form>
  );
}

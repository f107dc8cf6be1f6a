import { z } from 'zod';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { useFormText, useZodForm } from '@/lib/forms';
import { useLocale } from '@/lib/i18n/use-locale';
import { useRequestPasswordReset } from '@/features/auth/api/request-password-reset';

const forgotSchema = z.object({
  email: z.string().trim().min(1, 'form_required').pipe(z.email('form_invalid_email')),
});

/** Asks for a reset link; the answer never tells whether the address has an account. */
export function ForgotPasswordForm() {
  const { t, tError } = useLocale();
  const errorText = useFormText();
  const request = useRequestPasswordReset();
  const form = useZodForm(forgotSchema, { defaultValues: { email: '' } });
  const { errors } = form.formState;

  const submit = form.handleSubmit((values) => request.mutate(values));

  if (request.isSuccess) {
    return <Alert variant="success">{t('reset_request_sent')}</Alert>;
  }
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {request.isError ? <Alert variant="danger">{tError(request.error)}</Alert> : null}
      <Field label={t('field_email')} hint={t('reset_request_hint')} error={errorText(errors.email)}>
        {(control) => (
          <Input
            {...control}
            {...form.register('email')}
            type="email"
            autoComplete="email"
            state={errors.email ? 'invalid' : 'default'}
          />
        )}
      </Field>
      <Button type="submit" className="w-full" loading={request.isPending}>
        {t('reset_request_submit')}
      </Button>
    </form>
  );
}

import { z } from 'zod';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { Spinner } from '@/components/ui/spinner/spinner';
import { isApiError } from '@/lib/api/api-error';
import { useFormText, useZodForm } from '@/lib/forms';
import { useLocale } from '@/lib/i18n/use-locale';
import {
  useRetention,
  useUpdateRetention,
  type RetentionPolicy,
} from '@/features/retention/api/retention';

/** A whole number of days, typed as text (an empty field is an error, not 0). */
const days = z
  .string()
  .trim()
  .min(1, 'form_required')
  .regex(/^\d+$/, 'form_invalid_integer')
  .transform(Number);

const retentionSchema = z.object({ audit_days: days, invitation_days: days });

/**
 * The two retention periods of the org, in days, saved together. No min/max on the
 * inputs: the server's bounds refusal is shown in the app's language under its field,
 * where the browser's own message would not be.
 */
export function RetentionForm() {
  const { t } = useLocale();
  const policy = useRetention();
  if (policy.isPending) return <Spinner label={t('loading')} />;
  if (policy.isError) return <ErrorState error={policy.error} onRetry={() => void policy.refetch()} />;
  return <RetentionFields initial={policy.data} />;
}

function RetentionFields({ initial }: { initial: RetentionPolicy }) {
  const { t, tError } = useLocale();
  const errorText = useFormText();
  const form = useZodForm(retentionSchema, {
    defaultValues: { audit_days: String(initial.audit_days), invitation_days: String(initial.invitation_days) },
  });
  const { errors } = form.formState;
  const save = useUpdateRetention();
  // 422 retention.out_of_bounds names its field: the words go under that input.
  const details = isApiError(save.error) ? (save.error.details as { field?: string } | null) : null;
  const fieldErrors: Record<string, string> =
    save.isError && typeof details?.field === 'string' ? { [details.field]: tError(save.error) } : {};
  return (
    <form className="space-y-4" noValidate onSubmit={form.handleSubmit((values) => save.mutate(values))}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={t('privacy_retention_audit')}
          hint={t('privacy_retention_audit_hint')}
          error={errorText(errors.audit_days) ?? fieldErrors.audit_days}
        >
          {(control) => (
            <Input
              {...control}
              {...form.register('audit_days')}
              type="number"
              inputMode="numeric"
              state={errors.audit_days || fieldErrors.audit_days ? 'invalid' : 'default'}
            />
          )}
        </Field>
        <Field
          label={t('privacy_retention_invitations')}
          hint={t('privacy_retention_invitations_hint')}
          error={errorText(errors.invitation_days) ?? fieldErrors.invitation_days}
        >
          {(control) => (
            <Input
              {...control}
              {...form.register('invitation_days')}
              type="number"
              inputMode="numeric"
              state={errors.invitation_days || fieldErrors.invitation_days ? 'invalid' : 'default'}
            />
          )}
        </Field>
      </div>
      {save.isError && Object.keys(fieldErrors).length === 0 ? (
        <Alert variant="danger">{tError(save.error)}</Alert>
      ) : null}
      {save.isSuccess ? <Alert variant="success">{t('privacy_retention_saved')}</Alert> : null}
      <Button type="submit" loading={save.isPending}>
        {t('privacy_retention_save')}
      </Button>
    </form>
  );
}

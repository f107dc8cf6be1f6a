import { z } from 'zod';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Field } from '@/components/ui/field/field';
import { cn } from '@/lib/cn';
import { useFormText, useZodForm } from '@/lib/forms';
import { useLocale } from '@/lib/i18n/use-locale';

/** The API keeps up to 500 characters of a reason. */
export const DECLINE_REASON_MAX = 500;

const declineSchema = z.object({
  reason: z.string().trim().max(DECLINE_REASON_MAX, 'form_invalid'),
});

export interface DeclineReasonFormProps {
  loading?: boolean;
  /** The refusal of the last try, in the member's language. */
  error?: string;
  submitLabel: string;
  cancelLabel: string;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
  /**
   * `dialog`: cancel then decline, at the end (the app's dialogs); `page`: decline first
   * (the public answer page, where declining is the step the person chose).
   */
  layout?: 'dialog' | 'page';
}

/** Declining an invitation with an optional reason: My Missions' dialog and the public page. */
export function DeclineReasonForm({
  loading = false,
  error,
  submitLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  layout = 'dialog',
}: DeclineReasonFormProps) {
  const { t } = useLocale();
  const errorText = useFormText();
  const form = useZodForm(declineSchema, { defaultValues: { reason: '' } });
  const { errors } = form.formState;
  const submit = (
    <Button type="submit" variant="danger" loading={loading}>
      {submitLabel}
    </Button>
  );
  const cancel = (
    <Button variant="secondary" onClick={onCancel}>
      {cancelLabel}
    </Button>
  );
  return (
    <form onSubmit={form.handleSubmit(({ reason }) => onConfirm(reason))} noValidate className="space-y-4">
      {error ? <Alert variant="danger">{error}</Alert> : null}
      <Field label={t('field_decline_reason')} hint={t('field_decline_reason_hint')} error={errorText(errors.reason)}>
        {(control) => (
          <textarea
            {...control}
            {...form.register('reason')}
            maxLength={DECLINE_REASON_MAX}
            rows={3}
            className="block w-full rounded-md border border-input bg-surface px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring"
          />
        )}
      </Field>
      <div className={cn('flex flex-wrap gap-3', layout === 'dialog' && 'justify-end')}>
        {layout === 'dialog' ? (
          <>
            {cancel}
            {submit}
          </>
        ) : (
          <>
            {submit}
            {cancel}
          </>
        )}
      </div>
    </form>
  );
}

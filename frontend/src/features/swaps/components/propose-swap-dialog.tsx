import { useState } from 'react';
import { z } from 'zod';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Dialog } from '@/components/ui/dialog/dialog';
import { Field } from '@/components/ui/field/field';
import { Select } from '@/components/ui/select/select';
import { useDates } from '@/lib/dates';
import { useFormText, useZodForm } from '@/lib/forms';
import { useLocale } from '@/lib/i18n/use-locale';
import { useCreateSwap } from '@/features/swaps/api/create-swap';
import { useColleagueAssignments, useColleagues } from '@/features/swaps/api/list-colleague-missions';

export interface ProposeSwapDialogProps {
  open: boolean;
  assignmentId: number;
  missionTitle: string;
  /** The signed-in account: not a colleague of itself. */
  accountId: number;
  onClose: () => void;
  onSent: () => void;
}

const ANYONE = 'anyone';

/** A handover may go to anyone eligible; a swap names the colleague and their mission. */
const swapSchema = z
  .object({
    kind: z.enum(['handover', 'swap'], 'form_invalid'),
    target: z.string(),
    theirs: z.string(),
    comment: z.string().trim().max(500, 'form_invalid'),
  })
  .superRefine((values, ctx) => {
    if (values.kind !== 'swap') return;
    if (!values.target || values.target === ANYONE) ctx.addIssue({ code: 'custom', path: ['target'], message: 'form_required' });
    else if (!values.theirs) ctx.addIssue({ code: 'custom', path: ['theirs'], message: 'form_required' });
  });

/**
 * Offer an ACCEPTED mission: hand it over to a colleague or to anyone eligible, or swap
 * it for one of a colleague's accepted missions. The server checks skills and conflicts
 * and answers with a stable code (shown as is) when the exchange cannot be made.
 */
export function ProposeSwapDialog({ open, missionTitle, onClose, ...form }: ProposeSwapDialogProps) {
  const { t } = useLocale();
  return (
    <Dialog open={open} onClose={onClose} title={t('swap_dialog_title', { title: missionTitle })}>
      {/* Mounted on each opening: the form starts blank. */}
      <SwapForm onClose={onClose} {...form} />
    </Dialog>
  );
}

function SwapForm({
  assignmentId,
  accountId,
  onClose,
  onSent,
}: Pick<ProposeSwapDialogProps, 'assignmentId' | 'accountId' | 'onClose' | 'onSent'>) {
  const { t, tError } = useLocale();
  const { formatDate, formatTime } = useDates();
  const errorText = useFormText();
  const form = useZodForm(swapSchema, { defaultValues: { kind: 'handover', target: ANYONE, theirs: '', comment: '' } });
  const { errors } = form.formState;
  const [kind, target, theirs] = form.watch(['kind', 'target', 'theirs']);
  const create = useCreateSwap();
  const colleagues = useColleagues(true);
  const targetId = target === ANYONE ? null : Number(target);
  const their = useColleagueAssignments(kind === 'swap' ? targetId : null);
  // Past missions are judged once per opening of the page, as My Missions does.
  const [now] = useState(() => Date.now());
  const choices = (their.data?.items ?? []).filter((a) => !a.reserve && Date.parse(a.starts_at) > now);

  const submit = form.handleSubmit((values) =>
    create.mutate(
      {
        assignment_id: assignmentId,
        kind: values.kind,
        target_user_id: values.target === ANYONE || !values.target ? null : Number(values.target),
        target_assignment_id: values.kind === 'swap' && values.theirs ? Number(values.theirs) : null,
        comment: values.comment || null,
      },
      { onSuccess: onSent },
    ),
  );

  const others = (colleagues.data ?? []).filter((u) => u.account_id !== accountId);
  const incomplete = kind === 'swap' && (targetId === null || !theirs);

  return (
    <form onSubmit={submit} noValidate className="mt-4 space-y-4">
      {create.isError ? <Alert variant="danger">{tError(create.error)}</Alert> : null}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t('swap_field_kind')}</legend>
        {(['handover', 'swap'] as const).map((value) => (
          <label key={value} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              value={value}
              {...form.register('kind', {
                onChange: () => {
                  if (value === 'swap' && target === ANYONE) form.setValue('target', '');
                  if (value === 'handover' && !target) form.setValue('target', ANYONE);
                },
              })}
            />
            {t(value === 'handover' ? 'swap_field_kind_handover' : 'swap_field_kind_swap')}
          </label>
        ))}
      </fieldset>
      <Field label={t('swap_field_colleague')} error={errorText(errors.target)}>
        {(control) => (
          <Select {...control} {...form.register('target', { onChange: () => form.setValue('theirs', '') })}>
            {kind === 'handover' ? <option value={ANYONE}>{t('swap_anyone')}</option> : <option value="">-</option>}
            {others.map((u) => (
              <option key={u.id} value={String(u.id)}>
                {`${u.first_name} ${u.last_name}`}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {kind === 'swap' && targetId !== null ? (
        <Field
          label={t('swap_field_their_mission')}
          hint={their.isSuccess && choices.length === 0 ? t('swap_no_their_mission') : undefined}
          error={errorText(errors.theirs)}
        >
          {(control) => (
            <Select {...control} {...form.register('theirs')}>
              <option value="">-</option>
              {choices.map((a) => (
                <option key={a.id} value={String(a.id)}>
                  {`${a.role_name}${t('separator')}${formatDate(a.starts_at)} ${formatTime(a.starts_at)}`}
                </option>
              ))}
            </Select>
          )}
        </Field>
      ) : null}
      <Field label={t('swap_field_comment')} error={errorText(errors.comment)}>
        {(control) => (
          <textarea
            {...control}
            {...form.register('comment')}
            maxLength={500}
            rows={2}
            className="block w-full rounded-md border border-input bg-surface px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring"
          />
        )}
      </Field>
      <div className="flex flex-wrap justify-end gap-3">
        <Button variant="secondary" onClick={onClose}>
          {t('action_cancel')}
        </Button>
        <Button type="submit" loading={create.isPending} disabled={incomplete}>
          {t('swap_send')}
        </Button>
      </div>
    </form>
  );
}

import { z } from 'zod';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Spinner } from '@/components/ui/spinner/spinner';
import { DEFAULT_TIMEZONE, TimeZoneProvider, useDates } from '@/lib/dates';
import { cn } from '@/lib/cn';
import { useFormText, useZodForm } from '@/lib/forms';
import { useLocale } from '@/lib/i18n/use-locale';
import { useAnswerAvailabilityRequest } from '@/features/availability-requests/api/answer-availability-request';
import {
  usePublicAvailabilityRequest,
  type PublicAvailabilityRequest,
} from '@/features/availability-requests/api/get-public-availability-request';
import { answerMap, cellKey, daysOf, type Answer } from '@/features/availability-requests/utils/heat';

export interface AvailabilityAnswerProps {
  recipientId: string;
  token: string | null;
}

const CHOICES = ['yes', 'if_needed', 'no'] as const satisfies readonly Answer[];

/** One radio group per cell (day x slot, in the page's order); at least one answered. */
const answerSchema = z.object({
  cells: z
    .array(z.enum(CHOICES).nullish())
    .refine((cells) => cells.some(Boolean), 'availability_answer_none'),
});

const choiceClass: Record<Answer, string> = {
  yes: 'peer-checked:border-success peer-checked:bg-success-soft peer-checked:text-success',
  if_needed: 'peer-checked:border-warning peer-checked:bg-warning-soft peer-checked:text-warning',
  no: 'peer-checked:border-danger peer-checked:bg-danger-soft peer-checked:text-danger',
};

/**
 * The public page behind an availability link (no account): per day (and slot), yes /
 * if needed / no, editable until the deadline or the close. Phone first: one card per day.
 */
export function AvailabilityAnswer({ recipientId, token }: AvailabilityAnswerProps) {
  const { t, tError } = useLocale();
  const valid = Boolean(token) && /^\d+$/.test(recipientId);
  const request = usePublicAvailabilityRequest(recipientId, token ?? '', valid);
  if (!valid || !token) return <Alert variant="danger">{t('availability_answer_invalid_link')}</Alert>;
  if (request.isPending) return <Spinner label={t('availability_answer_loading')} />;
  if (request.isError) {
    return (
      <Alert variant="danger">
        <p className="font-medium">{t('availability_answer_load_error')}</p>
        <p className="mt-1">{tError(request.error)}</p>
      </Alert>
    );
  }
  return (
    <TimeZoneProvider timeZone={request.data.timezone || DEFAULT_TIMEZONE}>
      <AnswerForm request={request.data} recipientId={recipientId} token={token} />
    </TimeZoneProvider>
  );
}

interface AnswerFormProps {
  request: PublicAvailabilityRequest;
  recipientId: string;
  token: string;
}

function AnswerForm({ request, recipientId, token }: AnswerFormProps) {
  const { t, tError } = useLocale();
  const { formatDateTime, formatAgendaDay } = useDates();
  const save = useAnswerAvailabilityRequest();
  const errorText = useFormText();
  const open = !request.closed && !request.deadline_passed;
  const slots = request.slots.length ? request.slots : [{ key: '', label: t('availability_whole_day'), start: '', end: '' }];
  const days = daysOf(request.starts_on, request.ends_on);
  // The cells in the page's order: day by day, slot by slot; a form field per cell.
  const cells = days.flatMap((day) => slots.map((slot) => ({ day, slot })));
  const form = useZodForm(answerSchema, {
    defaultValues: (() => {
      const saved = answerMap(request.answers);
      return { cells: cells.map(({ day, slot }) => saved.get(cellKey(day, slot.key)) ?? null) };
    })(),
  });
  // The list's own error (none answered) is its `root`.
  const cellsError = errorText(form.formState.errors.cells?.root);
  // After a refused save, a choice checks the list again so its alert goes (a cell's own
  // check leaves the list's `root` error in place).
  const recheck = () => {
    if (form.formState.isSubmitted) void form.trigger('cells');
  };
  const fillAll = (value: Answer) => {
    form.setValue('cells', cells.map(() => value));
    recheck();
  };

  return (
    <div className="space-y-5">
      <div className="space-y-1">
        <p className="text-muted-foreground">{t('availability_answer_intro', { name: request.first_name, org: request.org_name })}</p>
        <h2 className="text-xl font-semibold">{request.title}</h2>
        {request.message ? <p className="whitespace-pre-line">{request.message}</p> : null}
        <p className="text-sm text-muted-foreground">
          {t('availability_answer_deadline', { when: formatDateTime(request.deadline) })}
        </p>
      </div>
      {request.closed ? <Alert variant="warning">{t('error_availability_request_closed')}</Alert> : null}
      {!request.closed && request.deadline_passed ? (
        <Alert variant="warning">{t('error_availability_request_deadline_passed')}</Alert>
      ) : null}
      {save.isSuccess ? <Alert variant="success">{t('availability_answer_saved')}</Alert> : null}
      {save.error ? (
        <Alert variant="danger">
          <p>{tError(save.error)}</p>
        </Alert>
      ) : null}
      <form
        className="space-y-4"
        noValidate
        onSubmit={form.handleSubmit((values) => {
          const answers = cells.flatMap(({ day, slot }, index) => {
            const answer = values.cells[index];
            return answer ? [{ day, slot: slot.key, answer }] : [];
          });
          save.mutate({ recipientId, token, answers });
        })}
      >
        {open ? (
          <div className="flex flex-wrap gap-2">
            <Button type="button" size="sm" variant="secondary" onClick={() => fillAll('yes')}>
              {t('availability_answer_all_yes')}
            </Button>
            <Button type="button" size="sm" variant="secondary" onClick={() => fillAll('no')}>
              {t('availability_answer_all_no')}
            </Button>
          </div>
        ) : null}
        <ul className="space-y-3">
          {days.map((day, dayIndex) => (
            <li key={day} className="rounded-lg border border-border bg-surface p-3">
              <h3 className="font-medium first-letter:uppercase">{formatAgendaDay(day)}</h3>
              <div className="mt-2 space-y-3">
                {slots.map((slot, slotIndex) => {
                  const key = cellKey(day, slot.key);
                  const index = dayIndex * slots.length + slotIndex;
                  const legend = slot.key
                    ? t('availability_slot_range', { label: slot.label, start: slot.start, end: slot.end })
                    : slot.label;
                  return (
                    <fieldset key={key} disabled={!open || save.isPending}>
                      <legend className="text-sm text-muted-foreground">{legend}</legend>
                      <div className="mt-1 grid grid-cols-3 gap-2">
                        {CHOICES.map((choice) => (
                          <label key={choice} className="cursor-pointer">
                            <input
                              type="radio"
                              className="peer sr-only"
                              value={choice}
                              {...form.register(`cells.${index}`, { onChange: recheck })}
                              aria-label={`${formatAgendaDay(day)}, ${legend} : ${t(`availability_answer_${choice}`)}`}
                            />
                            <span
                              className={cn(
                                'flex min-h-11 items-center justify-center rounded-md border border-border px-2 text-center text-sm font-medium peer-focus-visible:outline-2 peer-focus-visible:outline-ring',
                                choiceClass[choice],
                              )}
                            >
                              {t(`availability_answer_${choice}`)}
                            </span>
                          </label>
                        ))}
                      </div>
                    </fieldset>
                  );
                })}
              </div>
            </li>
          ))}
        </ul>
        {cellsError ? (
          <p role="alert" className="text-sm text-danger">
            {cellsError}
          </p>
        ) : null}
        {open ? (
          <Button type="submit" size="lg" className="w-full" loading={save.isPending}>
            {t('availability_answer_submit')}
          </Button>
        ) : null}
      </form>
    </div>
  );
}

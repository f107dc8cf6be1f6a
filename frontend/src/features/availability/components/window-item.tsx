import { useState, type ReactNode } from 'react';
import { z } from 'zod';

import { Badge } from '@/components/ui/badge/badge';
import { Button } from '@/components/ui/button/button';
import { Input } from '@/components/ui/input/input';
import { useDates } from '@/lib/dates';
import { useFormText, useZodForm } from '@/lib/forms';
import { useLocale } from '@/lib/i18n/use-locale';
import { useApproveAvailability } from '@/features/availability/api/approve-availability';
import { useAbsenceTypes } from '@/features/availability/api/list-absence-types';
import type { AvailabilityWindow } from '@/features/availability/api/list-availability-windows';
import { useRefuseAvailability } from '@/features/availability/api/refuse-availability';
import { AbsenceOverlaps } from '@/features/availability/components/absence-overlaps';
import { ruleDays } from '@/features/availability/utils/rrule';

const STATUS_BADGE: Record<string, 'info' | 'success' | 'danger'> = {
  REQUESTED: 'info',
  APPROVED: 'success',
  REFUSED: 'danger',
};

/** The API keeps up to 2,000 characters of a decision's reason. */
const refuseSchema = z.object({ reason: z.string().trim().max(2000, 'form_invalid') });

/** One availability window: what, when (one-off or weekly), status, and the manager's decision. */
export function WindowItem({
  window,
  canDecide,
  who,
}: {
  window: AvailabilityWindow;
  canDecide: boolean;
  who?: ReactNode;
}) {
  const { t, tError } = useLocale();
  const { formatDate, formatDateTime } = useDates();
  const approve = useApproveAvailability();
  const refuse = useRefuseAvailability();
  const [refusing, setRefusing] = useState(false);
  const errorText = useFormText();
  const refuseForm = useZodForm(refuseSchema, { defaultValues: { reason: '' } });
  const reasonError = errorText(refuseForm.formState.errors.reason);
  const types = useAbsenceTypes();
  const absenceType = types.data?.items.find((type) => type.id === window.absence_type_id);
  const deciding = canDecide && window.status === 'REQUESTED';
  const kind = t(window.kind === 'available' ? 'availability_kind_available' : 'availability_kind_unavailable');
  const when = window.recurring
    ? t('availability_weekly_summary', {
        days: ruleDays(window.rrule ?? '')
          .map((day) => t(`weekday_${day.toLowerCase() as 'mo'}`))
          .join(', '),
        time: window.start_time ?? '',
        hours: Math.round(((window.duration_minutes ?? 0) / 60) * 10) / 10,
        from: formatDate(window.starts_at),
        to: formatDate(window.ends_at),
      })
    : `${formatDateTime(window.starts_at)} - ${formatDateTime(window.ends_at)}`;
  const error = approve.error ?? refuse.error;

  return (
    <li className="space-y-2 px-4 py-3 text-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          {who ? <div className="font-medium">{who}</div> : null}
          <div>
            <span className="font-medium">{kind}</span>
            {absenceType ? (
              <span className="ml-1 inline-flex items-center gap-1">
                <span aria-hidden className="h-2.5 w-2.5 rounded-full" style={{ backgroundColor: absenceType.color }} />
                {absenceType.label}
              </span>
            ) : null}{' '}
            <span className="text-muted-foreground">{when}</span>
          </div>
          {window.note ? <div className="text-muted-foreground">{window.note}</div> : null}
          {window.decision_reason ? (
            <div className="text-muted-foreground">{t('availability_decision_reason', { reason: window.decision_reason })}</div>
          ) : null}
        </div>
        <Badge variant={STATUS_BADGE[window.status] ?? 'info'}>
          {t(`availability_status_${window.status.toLowerCase() as 'requested'}`)}
        </Badge>
      </div>
      {error ? <p role="alert" className="text-danger">{tError(error)}</p> : null}
      {deciding && window.kind === 'unavailable' ? <AbsenceOverlaps windowId={window.id} /> : null}
      {deciding ? (
        refusing ? (
          <form
            className="flex flex-wrap items-end gap-2"
            noValidate
            onSubmit={refuseForm.handleSubmit(({ reason }) =>
              refuse.mutate({ windowId: window.id, reason }, { onSuccess: () => setRefusing(false) }),
            )}
          >
            <Input
              size="sm"
              className="max-w-xs"
              aria-label={t('availability_refuse_reason')}
              placeholder={t('availability_refuse_reason')}
              maxLength={2000}
              {...refuseForm.register('reason')}
              state={reasonError ? 'invalid' : 'default'}
            />
            {reasonError ? <p className="w-full text-danger">{reasonError}</p> : null}
            <Button type="submit" size="sm" variant="danger" loading={refuse.isPending}>
              {t('availability_refuse')}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setRefusing(false)}>
              {t('action_cancel')}
            </Button>
          </form>
        ) : (
          <div className="flex gap-2">
            <Button size="sm" loading={approve.isPending} onClick={() => approve.mutate(window.id)}>
              {t('availability_approve')}
            </Button>
            <Button size="sm" variant="secondary" onClick={() => setRefusing(true)}>
              {t('availability_refuse')}
            </Button>
          </div>
        )
      ) : null}
    </li>
  );
}

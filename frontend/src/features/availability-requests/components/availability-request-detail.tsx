import { Link, useNavigate } from 'react-router';

import { Alert } from '@/components/ui/alert/alert';
import { Badge } from '@/components/ui/badge/badge';
import { Button } from '@/components/ui/button/button';
import { Spinner } from '@/components/ui/spinner/spinner';
import { cn } from '@/lib/cn';
import { useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import { useCloseAvailabilityRequest } from '@/features/availability-requests/api/close-availability-request';
import { useDeleteAvailabilityRequest } from '@/features/availability-requests/api/delete-availability-request';
import {
  useAvailabilityRequest,
  type AvailabilityRequest,
} from '@/features/availability-requests/api/get-availability-request';
import { useRemindAvailabilityRequest } from '@/features/availability-requests/api/remind-availability-request';
import { useReopenAvailabilityRequest } from '@/features/availability-requests/api/reopen-availability-request';
import { answerMap, cellKey, daysOf, HEAT_CLASS, heatLevel, type Answer } from '@/features/availability-requests/utils/heat';

const answerClass: Record<Answer, string> = {
  yes: 'bg-success-soft text-success',
  if_needed: 'bg-warning-soft text-warning',
  no: 'bg-danger-soft text-danger',
};

/** One request: actions (relancer, close/reopen, delete), the heat map per day and slot, and people x days. */
export function AvailabilityRequestDetail({ requestId }: { requestId: number }) {
  const { t, tError } = useLocale();
  const request = useAvailabilityRequest(requestId);
  if (request.isPending) return <Spinner label={t('availability_requests_loading')} />;
  if (request.isError) return <Alert variant="danger">{tError(request.error)}</Alert>;
  return <Detail request={request.data} />;
}

function Detail({ request }: { request: AvailabilityRequest }) {
  const { t, tError } = useLocale();
  const { formatDay, formatDateTime } = useDates();
  const navigate = useNavigate();
  const remind = useRemindAvailabilityRequest();
  const close = useCloseAvailabilityRequest();
  const reopen = useReopenAvailabilityRequest();
  const remove = useDeleteAvailabilityRequest();
  const days = daysOf(request.starts_on, request.ends_on);
  const slots = request.slots.length ? request.slots : [{ key: '', label: t('availability_whole_day'), start: '', end: '' }];
  const heat = new Map(request.heatmap.map((cell) => [cellKey(cell.day, cell.slot), cell]));
  const error = remind.error ?? close.error ?? reopen.error ?? remove.error;
  const closed = Boolean(request.closed_at);

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-semibold">{request.title}</h1>
          <Badge variant={closed ? 'neutral' : 'success'}>{t(closed ? 'availability_request_closed' : 'availability_request_open')}</Badge>
        </div>
        <p className="text-muted-foreground">
          {t('availability_request_period_value', { from: formatDay(request.starts_on), to: formatDay(request.ends_on) })}
          {' - '}
          {t('availability_answer_deadline', { when: formatDateTime(request.deadline) })}
        </p>
        <p>{t('availability_request_answered_of', { answered: request.answered_count, total: request.recipients_count })}</p>
      </div>
      <div className="flex flex-wrap gap-2">
        {!closed ? (
          <Button variant="primary" loading={remind.isPending} onClick={() => remind.mutate(request.id)}>
            {t('availability_request_remind')}
          </Button>
        ) : null}
        {closed ? (
          <Button variant="secondary" loading={reopen.isPending} onClick={() => reopen.mutate(request.id)}>
            {t('availability_request_reopen')}
          </Button>
        ) : (
          <Button variant="secondary" loading={close.isPending} onClick={() => close.mutate(request.id)}>
            {t('availability_request_close')}
          </Button>
        )}
        <Button
          variant="danger"
          loading={remove.isPending}
          onClick={() => {
            if (window.confirm(t('availability_request_delete_confirm'))) {
              remove.mutate(request.id, { onSuccess: () => void navigate('/availability-requests') });
            }
          }}
        >
          {t('availability_request_delete')}
        </Button>
      </div>
      {remind.isSuccess ? (
        <Alert variant="success">{t('availability_request_reminded', { count: remind.data.reminded })}</Alert>
      ) : null}
      {error ? <Alert variant="danger">{tError(error)}</Alert> : null}

      <section className="space-y-2" aria-labelledby="heatmap-title">
        <h2 id="heatmap-title" className="text-lg font-semibold">
          {t('availability_heatmap_title')}
        </h2>
        <p className="text-sm text-muted-foreground">{t('availability_heatmap_hint')}</p>
        <div className="overflow-x-auto">
          <table className="text-sm">
            <thead>
              <tr>
                <th scope="col" className="p-2 text-left font-medium">{t('availability_heatmap_day')}</th>
                {slots.map((slot) => (
                  <th key={slot.key} scope="col" className="p-2 text-left font-medium">
                    {slot.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {days.map((day) => (
                <tr key={day} className="border-t border-border">
                  <th scope="row" className="p-2 text-left font-normal">
                    <Link to={`/planning?date=${day}&view=timeGridDay&heat=1`} className="text-primary underline-offset-4 hover:underline">
                      {formatDay(day)}
                    </Link>
                  </th>
                  {slots.map((slot) => {
                    const cell = heat.get(cellKey(day, slot.key));
                    if (!cell) return <td key={slot.key} />;
                    return (
                      <td key={slot.key} className="p-1">
                        <span
                          className={cn('block rounded px-2 py-1 whitespace-nowrap', HEAT_CLASS[heatLevel(cell)])}
                          data-testid={`heat-${day}-${slot.key}`}
                        >
                          {t('availability_heat_cell', {
                            yes: cell.yes,
                            if_needed: cell.if_needed,
                            no: cell.no,
                            no_answer: cell.no_answer,
                          })}
                        </span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="space-y-2" aria-labelledby="people-title">
        <h2 id="people-title" className="text-lg font-semibold">
          {t('availability_people_title')}
        </h2>
        <div className="overflow-x-auto">
          <table className="text-sm">
            <thead>
              <tr>
                <th scope="col" className="p-2 text-left font-medium">{t('availability_people_person')}</th>
                {days.flatMap((day) =>
                  slots.map((slot) => (
                    <th key={cellKey(day, slot.key)} scope="col" className="p-2 text-left font-medium whitespace-nowrap">
                      {formatDay(day)}
                      {slot.key ? <span className="block text-xs text-muted-foreground">{slot.label}</span> : null}
                    </th>
                  )),
                )}
              </tr>
            </thead>
            <tbody>
              {request.recipients.map((person) => {
                const answers = answerMap(person.answers);
                const name = `${person.first_name} ${person.last_name}`.trim();
                return (
                  <tr key={person.id} className="border-t border-border">
                    <th scope="row" className="p-2 text-left font-normal whitespace-nowrap">
                      {name}
                      {person.answered_at ? null : (
                        <span className="block text-xs text-muted-foreground">{t('availability_people_no_answer')}</span>
                      )}
                    </th>
                    {days.flatMap((day) =>
                      slots.map((slot) => {
                        const answer = answers.get(cellKey(day, slot.key));
                        return (
                          <td key={cellKey(day, slot.key)} className="p-1">
                            {answer ? (
                              <span className={cn('block rounded px-2 py-1 text-center', answerClass[answer])}>
                                {t(`availability_answer_${answer}`)}
                              </span>
                            ) : (
                              <span className="block px-2 py-1 text-center text-muted-foreground">-</span>
                            )}
                          </td>
                        );
                      }),
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

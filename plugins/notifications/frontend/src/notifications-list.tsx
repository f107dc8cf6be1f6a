import { Alert, Button, EmptyState, ErrorState, Spinner, useDates } from '@coulisses/plugin-ui';
import { useState } from 'react';

import { answerableAssignmentId } from './answerable';
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotifications, usePendingAnswers } from './api';
import { InvitationActions } from './invitation-actions';
import { classes } from './paths';
import { useText } from './texts';

const NO_PENDING: ReadonlySet<number> = new Set();

/**
 * The notification center: newest first, unread ones highlighted, mark one or all
 * read; an invitation still waiting for an answer carries Accept / Decline.
 */
export function NotificationsList() {
  const { t, tError } = useText();
  const { formatDateTime } = useDates();
  const notifications = useNotifications();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const pending = usePendingAnswers();
  const [answered, setAnswered] = useState<string | null>(null);
  const [answerError, setAnswerError] = useState<unknown>(null);

  if (notifications.isPending) return <Spinner label={t('loading')} />;
  if (notifications.isError) {
    return <ErrorState error={notifications.error} onRetry={() => void notifications.refetch()} />;
  }
  const { items, unread } = notifications.data;
  const error = markRead.error ?? markAll.error ?? answerError;
  const pendingIds = pending.data ?? NO_PENDING;
  return (
    <div className="space-y-4">
      {error ? <Alert variant="danger">{tError(error)}</Alert> : null}
      {answered ? <Alert variant="success">{answered}</Alert> : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted-foreground" aria-live="polite">
          {t('unread', { count: unread })}
        </p>
        <Button variant="secondary" size="sm" disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate()}>
          {t('mark_all')}
        </Button>
      </div>
      {items.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <ul className="divide-y divide-border rounded-lg border border-border bg-surface">
          {items.map((item) => {
            const assignmentId = answerableAssignmentId(item, pendingIds);
            return (
              <li
                key={item.id}
                className={classes('flex flex-wrap items-start justify-between gap-3 px-4 py-3', !item.read_at && 'bg-info-soft/40')}
              >
                <div className="min-w-0 space-y-1">
                  <p className={classes('text-sm', !item.read_at && 'font-semibold')}>
                    {!item.read_at ? <span className="sr-only">{t('new')} </span> : null}
                    {item.title}
                  </p>
                  {item.body ? <p className="text-sm whitespace-pre-line text-muted-foreground">{item.body}</p> : null}
                  <p className="text-xs text-muted-foreground">{formatDateTime(item.created_at)}</p>
                  {assignmentId !== null ? (
                    <div className="pt-2">
                      <InvitationActions
                        notificationId={item.id}
                        assignmentId={assignmentId}
                        title={item.title}
                        onAnswered={(message) => {
                          setAnswerError(null);
                          setAnswered(message);
                        }}
                        onError={(answerFailure) => {
                          setAnswered(null);
                          setAnswerError(answerFailure);
                        }}
                      />
                    </div>
                  ) : null}
                </div>
                {!item.read_at ? (
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={t('mark_read_of', { title: item.title })}
                    loading={markRead.isPending && markRead.variables === item.id}
                    onClick={() => markRead.mutate(item.id)}
                  >
                    {t('mark_read')}
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/**
 * The header bell (`PluginWidget(slot="header")`), with the unread count (live): it
 * opens a panel of the newest notifications, where an invitation still waiting is
 * answered in place, and a link to the inbox page. Escape or a click elsewhere closes it.
 */
import { Alert, Link, useDates } from '@coulisses/plugin-ui';
import { useEffect, useId, useRef, useState } from 'react';

import { answerableAssignmentId } from './answerable';
import { useNotifications, usePendingAnswers } from './api';
import { InvitationActions } from './invitation-actions';
import { useNotificationsLive } from './live';
import { classes, INBOX_PATH } from './paths';
import { useText } from './texts';

/** How many of the newest notifications the bell's panel shows. */
const LATEST = 5;
const NO_PENDING: ReadonlySet<number> = new Set();

export default function NotificationsBell() {
  const { t, tError } = useText();
  const { formatDateTime } = useDates();
  const notifications = useNotifications();
  const [open, setOpen] = useState(false);
  const pending = usePendingAnswers(open);
  const [message, setMessage] = useState<{ text: string; danger: boolean } | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  useNotificationsLive(true);
  const unread = notifications.data?.unread ?? 0;

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const escape = (event: KeyboardEvent) => {
      // A confirmation dialog open above the panel handles its own Escape.
      if (event.key !== 'Escape' || (event.target as Element | null)?.closest?.('dialog')) return;
      setOpen(false);
      setMessage(null);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);

  const close = () => {
    setOpen(false);
    setMessage(null);
  };
  const items = (notifications.data?.items ?? []).slice(0, LATEST);
  const pendingIds = pending.data ?? NO_PENDING;

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-label={unread > 0 ? t('unread', { count: unread }) : t('title')}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => (open ? close() : setOpen(true))}
        className="relative inline-flex h-9 items-center gap-2 rounded-md px-2 text-sm font-medium hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 ? (
          <span aria-hidden="true" className="rounded-full bg-danger px-1.5 text-xs font-semibold text-danger-foreground">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          id={panelId}
          role="region"
          aria-label={t('title')}
          className="absolute top-full right-0 z-40 mt-2 w-[min(24rem,calc(100vw-1.5rem))] rounded-lg border border-border bg-surface shadow-lg"
        >
          {message ? (
            <Alert variant={message.danger ? 'danger' : 'success'} className="m-3">
              {message.text}
            </Alert>
          ) : null}
          {items.length === 0 ? (
            <p className="px-4 py-3 text-sm text-muted-foreground">{t('empty')}</p>
          ) : (
            <ul className="max-h-[60vh] divide-y divide-border overflow-y-auto">
              {items.map((item) => {
                const assignmentId = answerableAssignmentId(item, pendingIds);
                return (
                  <li key={item.id} className={classes('space-y-1 px-4 py-3', !item.read_at && 'bg-info-soft/40')}>
                    <p className={classes('text-sm', !item.read_at && 'font-semibold')}>
                      {!item.read_at ? <span className="sr-only">{t('new')} </span> : null}
                      {item.title}
                    </p>
                    <p className="text-xs text-muted-foreground">{formatDateTime(item.created_at)}</p>
                    {assignmentId !== null ? (
                      <InvitationActions
                        notificationId={item.id}
                        assignmentId={assignmentId}
                        title={item.title}
                        onAnswered={(text) => setMessage({ text, danger: false })}
                        onError={(error) => setMessage({ text: tError(error), danger: true })}
                      />
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
          <div className="border-t border-border px-4 py-3">
            <Link
              to={INBOX_PATH}
              onClick={close}
              className="text-sm font-medium text-primary underline-offset-4 hover:underline"
            >
              {t('see_all')}
            </Link>
          </div>
        </div>
      ) : null}
    </div>
  );
}

import { useEffect, useRef, useState } from 'react';

import { Button } from '@/components/ui/button/button';
import { useLocale } from '@/lib/i18n/use-locale';

/** How long an action can be undone from its toast (paused while the toast has focus or the pointer). */
export const UNDO_SECONDS = 10;

export interface UndoOffer {
  /** What was done, as the user reads it ("Lea Martin est invitee"). */
  message: string;
  /** What the toast says once the inverse call succeeded. */
  undoneMessage: string;
  /** The inverse call (cancel the invitation, move the mission back, replace back). */
  undo: () => Promise<unknown>;
}

/**
 * The last action, with an Undo button for a few seconds. Undo sends a real inverse
 * call: nothing was delayed, the action is already done when the toast shows. Re-key
 * it (`key`) on each new offer. The screen already announces the action itself (its
 * notice), so only the outcome of Undo is a live status here.
 */
export function UndoToast({ offer, onClose }: { offer: UndoOffer; onClose: () => void }) {
  const { t, tError } = useLocale();
  const [state, setState] = useState<'offered' | 'undoing' | 'undone' | 'failed'>('offered');
  const [error, setError] = useState<unknown>(null);
  const [paused, setPaused] = useState(false);
  // The timer must not restart when the parent re-renders with a new callback.
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    if (paused || state === 'undoing') return;
    const timer = window.setTimeout(() => onCloseRef.current(), UNDO_SECONDS * 1000);
    return () => window.clearTimeout(timer);
  }, [paused, state]);

  const run = () => {
    setState('undoing');
    offer.undo().then(
      () => setState('undone'),
      (err: unknown) => {
        setError(err);
        setState('failed');
      },
    );
  };

  const outcome = state === 'undone' ? offer.undoneMessage : state === 'failed' ? tError(error) : '';
  return (
    <section
      aria-label={t('undo')}
      className="fixed right-4 bottom-4 z-40 flex max-w-md items-center gap-3 rounded-lg border border-border bg-surface px-4 py-3 text-sm text-foreground shadow-xl"
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      {outcome ? null : <p className="flex-1">{offer.message}</p>}
      <p role="status" className={outcome ? 'flex-1' : 'sr-only'}>
        {outcome}
      </p>
      {state === 'offered' || state === 'undoing' ? (
        <Button
          size="sm"
          variant="secondary"
          loading={state === 'undoing'}
          aria-label={t('undo_for', { message: offer.message })}
          onClick={run}
        >
          {t('undo')}
        </Button>
      ) : null}
      <Button size="sm" variant="ghost" onClick={onClose}>
        {t('action_close')}
      </Button>
    </section>
  );
}

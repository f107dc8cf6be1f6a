import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Label } from '@/components/ui/label/label';
import { useLocale } from '@/lib/i18n/use-locale';

export interface DeclineDialogProps {
  open: boolean;
  missionTitle: string;
  loading?: boolean;
  error?: string;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/** Asks for an optional reason before declining (native <dialog>: focus trap, Escape). */
export function DeclineDialog({ open, missionTitle, loading = false, error, onConfirm, onCancel }: DeclineDialogProps) {
  const { t } = useLocale();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const reasonId = useId();
  const [reason, setReason] = useState('');

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setReason('');
      dialog.showModal?.();
    }
    if (!open && dialog.open) dialog.close?.();
  }, [open]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onConfirm(reason);
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      className="m-auto w-full max-w-md rounded-lg border border-border bg-surface p-6 text-foreground shadow-xl backdrop:bg-black/40"
    >
      <form onSubmit={submit} className="space-y-4">
        <h2 id={titleId} className="text-lg font-semibold">
          {t('my_missions_decline_title', { title: missionTitle })}
        </h2>
        {error ? <Alert variant="danger">{error}</Alert> : null}
        <div className="space-y-1.5">
          <Label htmlFor={reasonId}>{t('field_decline_reason')}</Label>
          <textarea
            id={reasonId}
            value={reason}
            maxLength={500}
            rows={3}
            onChange={(event) => setReason(event.target.value)}
            className="block w-full rounded-md border border-input bg-surface px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring"
          />
          <p className="text-xs text-muted-foreground">{t('field_decline_reason_hint')}</p>
        </div>
        <div className="flex justify-end gap-3">
          <Button variant="secondary" onClick={onCancel}>
            {t('action_cancel')}
          </Button>
          <Button type="submit" variant="danger" loading={loading}>
            {t('action_decline')}
          </Button>
        </div>
      </form>
    </dialog>
  );
}

import { useId, useState, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Dialog } from '@/components/ui/dialog/dialog';
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

/** Asks for an optional reason before declining (shared Dialog: focus on the reason, Escape cancels). */
export function DeclineDialog({ open, missionTitle, onCancel, ...form }: DeclineDialogProps) {
  const { t } = useLocale();
  return (
    <Dialog open={open} onClose={onCancel} title={t('my_missions_decline_title', { title: missionTitle })}>
      {/* Mounted on each opening: the reason starts empty. */}
      <DeclineForm onCancel={onCancel} {...form} />
    </Dialog>
  );
}

function DeclineForm({
  loading = false,
  error,
  onConfirm,
  onCancel,
}: Pick<DeclineDialogProps, 'loading' | 'error' | 'onConfirm' | 'onCancel'>) {
  const { t } = useLocale();
  const reasonId = useId();
  const [reason, setReason] = useState('');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onConfirm(reason);
  }

  return (
    <form onSubmit={submit} className="mt-4 space-y-4">
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
  );
}

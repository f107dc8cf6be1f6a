import { DeclineReasonForm } from '@/components/decline-reason-form/decline-reason-form';
import { Dialog } from '@/components/ui/dialog/dialog';
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
      <div className="mt-4">
        <DeclineReasonForm
          {...form}
          onCancel={onCancel}
          submitLabel={t('action_decline')}
          cancelLabel={t('action_cancel')}
        />
      </div>
    </Dialog>
  );
}

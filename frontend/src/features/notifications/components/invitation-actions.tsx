import { useState } from 'react';

import { Button } from '@/components/ui/button/button';
import { ConfirmDialog } from '@/components/ui/dialog/confirm-dialog';
import { useLocale } from '@/lib/i18n/use-locale';
import { useAnswerInvitation } from '@/features/notifications/api/answer-invitation';

export interface InvitationActionsProps {
  notificationId: number;
  assignmentId: number;
  /** The notification's title, to name the buttons for screen readers. */
  title: string;
  onAnswered: (message: string) => void;
  onError: (error: unknown) => void;
}

/** Accept / Decline an invitation from its notification; declining asks first. */
export function InvitationActions({ notificationId, assignmentId, title, onAnswered, onError }: InvitationActionsProps) {
  const { t } = useLocale();
  const answer = useAnswerInvitation();
  const [confirming, setConfirming] = useState(false);

  // mutateAsync, not mutate's callbacks: once answered, the notification loses its
  // buttons (this component unmounts) before those callbacks would run.
  async function send(accept: boolean) {
    try {
      const result = await answer.mutateAsync({ assignmentId, accept, notificationId });
      onAnswered(
        accept
          ? t(result.reserve ? 'notifications_answer_accepted_reserve' : 'notifications_answer_accepted')
          : t('notifications_answer_declined'),
      );
    } catch (error) {
      onError(error);
    } finally {
      setConfirming(false);
    }
  }

  return (
    <div className="flex flex-wrap gap-2">
      <Button
        size="sm"
        aria-label={t('notifications_accept_of', { title })}
        loading={answer.isPending && answer.variables.accept}
        disabled={answer.isPending}
        onClick={() => void send(true)}
      >
        {t('action_accept')}
      </Button>
      <Button
        size="sm"
        variant="secondary"
        aria-label={t('notifications_decline_of', { title })}
        disabled={answer.isPending}
        onClick={() => setConfirming(true)}
      >
        {t('action_decline')}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={t('notifications_decline_confirm_title')}
        description={title}
        confirmLabel={t('action_decline')}
        cancelLabel={t('action_cancel')}
        destructive
        loading={answer.isPending}
        onConfirm={() => void send(false)}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}

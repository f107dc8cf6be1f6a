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

  function send(accept: boolean) {
    answer.mutate(
      { assignmentId, accept, notificationId },
      {
        onSuccess: (result) => {
          setConfirming(false);
          onAnswered(
            accept
              ? t(result.reserve ? 'notifications_answer_accepted_reserve' : 'notifications_answer_accepted')
              : t('notifications_answer_declined'),
          );
        },
        onError: (error) => {
          setConfirming(false);
          onError(error);
        },
      },
    );
  }

  return (
    <div className="flex flex-wrap gap-2">
      <Button
        size="sm"
        aria-label={t('notifications_accept_of', { title })}
        loading={answer.isPending && answer.variables.accept}
        disabled={answer.isPending}
        onClick={() => send(true)}
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
        onConfirm={() => send(false)}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}

import { Button, ConfirmDialog } from '@coulisses/plugin-ui';
import { useState } from 'react';

import { useAnswerInvitation } from './api';
import { useText } from './texts';

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
  const { t } = useText();
  const answer = useAnswerInvitation();
  const [confirming, setConfirming] = useState(false);

  // mutateAsync, not mutate's callbacks: once answered, the notification loses its
  // buttons (this component unmounts) before those callbacks would run.
  async function send(accept: boolean) {
    try {
      const result = await answer.mutateAsync({ assignmentId, accept, notificationId });
      onAnswered(accept ? t(result.reserve ? 'answer_accepted_reserve' : 'answer_accepted') : t('answer_declined'));
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
        aria-label={t('accept_of', { title })}
        loading={answer.isPending && answer.variables?.accept === true}
        disabled={answer.isPending}
        onClick={() => void send(true)}
      >
        {t('accept')}
      </Button>
      <Button
        size="sm"
        variant="secondary"
        aria-label={t('decline_of', { title })}
        disabled={answer.isPending}
        onClick={() => setConfirming(true)}
      >
        {t('decline')}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={t('decline_confirm_title')}
        description={title}
        confirmLabel={t('decline')}
        cancelLabel={t('cancel')}
        destructive
        loading={answer.isPending}
        onConfirm={() => void send(false)}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}

import { useState } from 'react';

import { Button } from '@/components/ui/button/button';
import { useLocale } from '@/lib/i18n/use-locale';
import { ProposeSwapDialog } from '@/features/swaps/components/propose-swap-dialog';

export interface ProposeSwapButtonProps {
  assignmentId: number;
  missionTitle: string;
  accountId: number;
  onSent: (message: string) => void;
}

/** "Proposer un echange / Ceder" under an accepted mission of My Missions. */
export function ProposeSwapButton({ assignmentId, missionTitle, accountId, onSent }: ProposeSwapButtonProps) {
  const { t } = useLocale();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" variant="secondary" aria-label={t('swap_propose_of', { title: missionTitle })} onClick={() => setOpen(true)}>
        {t('swap_propose')}
      </Button>
      <ProposeSwapDialog
        open={open}
        assignmentId={assignmentId}
        missionTitle={missionTitle}
        accountId={accountId}
        onClose={() => setOpen(false)}
        onSent={() => {
          setOpen(false);
          onSent(t('swap_sent'));
        }}
      />
    </>
  );
}

import { useState } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import { useDecideSwap, type SwapStep } from '@/features/swaps/api/decide-swap';
import { useMySwaps, type Swap } from '@/features/swaps/api/list-my-swaps';
import { SwapSummary } from '@/features/swaps/components/swap-summary';

const OPEN: Swap['status'][] = ['proposed', 'accepted_by_colleague'];

/**
 * The swaps that wait for the signed-in tech: proposals addressed to them (accept or
 * decline), colleagues' open handovers they are eligible for (take), and their own
 * open proposals (cancel). Nothing shows when there is none.
 */
export function MySwapsPanel() {
  const { t, tError } = useLocale();
  const { formatDate, formatTime } = useDates();
  const swaps = useMySwaps();
  const decide = useDecideSwap();
  const [done, setDone] = useState<string | null>(null);
  if (!swaps.isSuccess) return null;
  const items = swaps.data.items.filter((s) => OPEN.includes(s.status) && (s.side !== 'open' || s.eligible));
  if (items.length === 0 && !done) return null;

  const act = (swap: Swap, step: SwapStep, message: string) => {
    setDone(null);
    decide.mutate({ swapId: swap.id, step }, { onSuccess: () => setDone(t(message as 'swap_sent')) });
  };
  const line = (swap: Swap) => {
    const values = {
      proposer: swap.proposer_name,
      title: swap.offered.mission_title,
      when: `${formatDate(swap.offered.starts_at)} ${formatTime(swap.offered.starts_at)}`,
    };
    if (swap.side === 'proposer') return t('swap_my_offer', values);
    if (swap.side === 'open') return t('swap_open_offer', values);
    return t('swap_incoming', values);
  };
  const busy = (swap: Swap) => decide.isPending && decide.variables?.swapId === swap.id;

  return (
    <section aria-labelledby="my-swaps" className="space-y-3">
      <h2 id="my-swaps" className="text-lg font-semibold">
        {t('swaps_mine_title')}
      </h2>
      {decide.isError ? <Alert variant="danger">{tError(decide.error)}</Alert> : null}
      {done ? <Alert variant="success">{done}</Alert> : null}
      <ul className="space-y-3">
        {items.map((swap) => {
          const title = swap.offered.mission_title;
          return (
            <li key={swap.id} className="space-y-3 rounded-lg border border-border bg-surface p-4 shadow-sm">
              <p className="font-medium">{line(swap)}</p>
              <SwapSummary swap={swap} />
              {swap.status === 'accepted_by_colleague' ? (
                <p className="text-sm text-muted-foreground">{t('swap_waiting_manager')}</p>
              ) : null}
              <div className="flex flex-wrap gap-2">
                {swap.side === 'colleague' && swap.status === 'proposed' ? (
                  <>
                    <Button size="sm" aria-label={t('swap_accept_of', { title })} loading={busy(swap)} onClick={() => act(swap, 'accept', 'swap_accepted_done')}>
                      {t('action_accept')}
                    </Button>
                    <Button size="sm" variant="secondary" aria-label={t('swap_decline_of', { title })} onClick={() => act(swap, 'decline', 'swap_declined_done')}>
                      {t('action_decline')}
                    </Button>
                  </>
                ) : null}
                {swap.side === 'open' ? (
                  <Button size="sm" aria-label={t('swap_take_of', { title })} loading={busy(swap)} onClick={() => act(swap, 'accept', 'swap_accepted_done')}>
                    {t('swap_take')}
                  </Button>
                ) : null}
                {swap.side === 'proposer' ? (
                  <Button size="sm" variant="secondary" aria-label={t('swap_cancel_of', { title })} onClick={() => act(swap, 'cancel', 'swap_cancelled_done')}>
                    {t('swap_cancel')}
                  </Button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

import { useState } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { EmptyState } from '@/components/ui/empty-state/empty-state';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useLocale } from '@/lib/i18n/use-locale';
import { useDecideSwap } from '@/features/swaps/api/decide-swap';
import { useSwaps } from '@/features/swaps/api/list-swaps';
import { SwapSummary } from '@/features/swaps/components/swap-summary';

/** Managers: the swaps a colleague accepted that wait for approval, then the history. */
export function SwapApprovals() {
  const { t, tError } = useLocale();
  const waiting = useSwaps('accepted_by_colleague');
  const history = useSwaps();
  const decide = useDecideSwap();
  const [done, setDone] = useState<string | null>(null);

  if (waiting.isPending) return <Spinner label={t('swaps_loading')} />;
  if (waiting.isError) return <ErrorState error={waiting.error} onRetry={() => void waiting.refetch()} />;
  const past = (history.data?.items ?? []).filter((s) => s.status !== 'accepted_by_colleague').slice(0, 50);

  return (
    <div className="space-y-8">
      {decide.isError ? <Alert variant="danger">{tError(decide.error)}</Alert> : null}
      {done ? <Alert variant="success">{done}</Alert> : null}
      {waiting.data.items.length === 0 ? (
        <EmptyState title={t('swaps_empty')} />
      ) : (
        <ul className="space-y-3">
          {waiting.data.items.map((swap) => (
            <li key={swap.id} className="space-y-3 rounded-lg border border-border bg-surface p-4 shadow-sm">
              <SwapSummary swap={swap} />
              <div className="flex flex-wrap gap-2">
                <Button
                  size="sm"
                  aria-label={t('swap_approve_of', { proposer: swap.proposer_name })}
                  loading={decide.isPending && decide.variables?.swapId === swap.id && decide.variables.step === 'approve'}
                  onClick={() => {
                    setDone(null);
                    decide.mutate({ swapId: swap.id, step: 'approve' }, { onSuccess: () => setDone(t('swap_approved_done')) });
                  }}
                >
                  {t('swap_approve')}
                </Button>
                <Button
                  size="sm"
                  variant="danger"
                  aria-label={t('swap_reject_of', { proposer: swap.proposer_name })}
                  onClick={() => {
                    setDone(null);
                    decide.mutate({ swapId: swap.id, step: 'reject' }, { onSuccess: () => setDone(t('swap_rejected_done')) });
                  }}
                >
                  {t('swap_reject')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {past.length > 0 ? (
        <section aria-labelledby="swaps-history" className="space-y-3">
          <h2 id="swaps-history" className="text-lg font-semibold">
            {t('swaps_history')}
          </h2>
          <ul className="space-y-3">
            {past.map((swap) => (
              <li key={swap.id} className="rounded-lg border border-border bg-surface p-4">
                <SwapSummary swap={swap} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

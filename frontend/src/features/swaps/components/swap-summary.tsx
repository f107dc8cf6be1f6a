import { Badge } from '@/components/ui/badge/badge';
import { useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import type { Swap } from '@/features/swaps/api/list-my-swaps';

export const SWAP_BADGE: Record<Swap['status'], 'neutral' | 'success' | 'info' | 'danger' | 'warning'> = {
  proposed: 'info',
  accepted_by_colleague: 'warning',
  approved: 'success',
  applied: 'success',
  declined: 'neutral',
  rejected: 'danger',
  cancelled: 'neutral',
  expired: 'neutral',
};

/** What a proposal gives and takes, who is concerned, its status. */
export function SwapSummary({ swap }: { swap: Swap }) {
  const { t } = useLocale();
  const { formatDate, formatTime } = useDates();
  const when = (side: NonNullable<Swap['wanted']>) => `${formatDate(side.starts_at)} ${formatTime(side.starts_at)}`;
  return (
    <div className="space-y-1">
      <p className="flex flex-wrap items-center gap-2">
        <Badge>{t(swap.kind === 'swap' ? 'swap_kind_swap' : 'swap_kind_handover')}</Badge>
        <Badge variant={SWAP_BADGE[swap.status]}>{t(`swap_status_${swap.status}`)}</Badge>
      </p>
      <p className="font-medium">
        {t('swap_between', {
          proposer: swap.proposer_name,
          colleague: swap.colleague_name ?? swap.target_name ?? t('swap_anyone'),
        })}
      </p>
      <p className="text-sm">{t('swap_offered', { title: swap.offered.mission_title, when: when(swap.offered) })}</p>
      {swap.wanted ? (
        <p className="text-sm">{t('swap_wanted', { title: swap.wanted.mission_title, when: when(swap.wanted) })}</p>
      ) : null}
      {swap.comment ? <p className="text-sm text-muted-foreground">{t('swap_comment', { comment: swap.comment })}</p> : null}
    </div>
  );
}

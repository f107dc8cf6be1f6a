import { useSession } from '@/app/session-context';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/lib/i18n/use-locale';
import { RequireAction } from '@/features/auth/components/require-action';
import { SwapApprovals } from '@/features/swaps/components/swap-approvals';

export function SwapsRoute() {
  const { me } = useSession();
  return (
    <RequireAction actions={me.actions} action="swaps.approve">
      <Swaps />
    </RequireAction>
  );
}

function Swaps() {
  const { t } = useLocale();
  useDocumentTitle(t('swaps_title'));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('swaps_title')}</h1>
        <p className="mt-1 text-muted-foreground">{t('swaps_subtitle')}</p>
      </div>
      <SwapApprovals />
    </div>
  );
}

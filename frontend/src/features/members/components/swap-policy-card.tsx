import { useId } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card/card';
import { Spinner } from '@/components/ui/spinner/spinner';
import { Switch } from '@/components/ui/switch/switch';
import { useLocale } from '@/lib/i18n/use-locale';
import { useOrg } from '@/features/members/api/get-org';
import { useUpdateOrg } from '@/features/members/api/update-org';

/**
 * The org's swap policy: when on (the default), a swap or handover a colleague accepted
 * waits for a manager's approval (page Echanges) before the missions change hands.
 */
export function SwapPolicyCard() {
  const { t, tError } = useLocale();
  const labelId = useId();
  const hintId = useId();
  const org = useOrg();
  const update = useUpdateOrg();
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('swap_policy_title')}</CardTitle>
        <CardDescription id={hintId}>{t('swap_policy_hint')}</CardDescription>
      </CardHeader>
      {org.isPending ? (
        <Spinner label={t('loading')} />
      ) : org.isError ? (
        <Alert variant="danger">{tError(org.error)}</Alert>
      ) : (
        <div className="space-y-3">
          {update.isError ? <Alert variant="danger">{tError(update.error)}</Alert> : null}
          {update.isSuccess ? <Alert variant="success">{t('swap_policy_saved')}</Alert> : null}
          <div className="flex items-start gap-3">
            <Switch
              checked={org.data.swaps_require_approval ?? true}
              aria-labelledby={labelId}
              aria-describedby={hintId}
              disabled={update.isPending}
              onCheckedChange={(checked) => update.mutate({ swaps_require_approval: checked })}
            />
            <span id={labelId} className="text-sm">
              {t('swap_policy_label')}
            </span>
          </div>
        </div>
      )}
    </Card>
  );
}

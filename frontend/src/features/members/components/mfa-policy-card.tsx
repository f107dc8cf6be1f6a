import { useId } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card/card';
import { Spinner } from '@/components/ui/spinner/spinner';
import { Switch } from '@/components/ui/switch/switch';
import { useLocale } from '@/lib/i18n/use-locale';
import { useOrg } from '@/features/members/api/get-org';
import { useUpdateOrg } from '@/features/members/api/update-org';

/**
 * The org's MFA policy (owners and admins): when on, an owner or admin without a second
 * factor gets a session that can only turn it on.
 */
export function MfaPolicyCard({ onChanged }: { onChanged?: () => void }) {
  const { t, tError } = useLocale();
  const labelId = useId();
  const hintId = useId();
  const org = useOrg();
  const update = useUpdateOrg();
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('mfa_policy_title')}</CardTitle>
        <CardDescription id={hintId}>{t('mfa_policy_hint')}</CardDescription>
      </CardHeader>
      {org.isPending ? (
        <Spinner label={t('loading')} />
      ) : org.isError ? (
        <Alert variant="danger">{tError(org.error)}</Alert>
      ) : (
        <div className="space-y-3">
          {update.isError ? <Alert variant="danger">{tError(update.error)}</Alert> : null}
          {update.isSuccess ? <Alert variant="success">{t('mfa_policy_saved')}</Alert> : null}
          <div className="flex items-start gap-3">
            <Switch
              checked={org.data.mfa_required_for_admins ?? false}
              aria-labelledby={labelId}
              aria-describedby={hintId}
              disabled={update.isPending}
              onCheckedChange={(checked) =>
                update.mutate(
                  { mfa_required_for_admins: checked },
                  // turning it on may limit this very session: the app reads the account again
                  { onSuccess: () => onChanged?.() },
                )
              }
            />
            <span id={labelId} className="text-sm">
              {t('mfa_policy_label')}
            </span>
          </div>
        </div>
      )}
    </Card>
  );
}

import { useId } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card/card';
import { Spinner } from '@/components/ui/spinner/spinner';
import { Switch } from '@/components/ui/switch/switch';
import type { MessageKey } from '@/lib/i18n/translate';
import { useLocale } from '@/lib/i18n/use-locale';
import { useOrg } from '@/features/members/api/get-org';
import { useUpdateOrg } from '@/features/members/api/update-org';

/** The org's on/off policies, each a switch on one of the org's boolean fields. */
type PolicyField = 'mfa_required_for_admins' | 'swaps_require_approval';

interface PolicyCardProps {
  field: PolicyField;
  /** The value when the org never set it (the server's default). */
  fallback: boolean;
  /** Catalog keys: `<prefix>_title`, `_hint`, `_label`, `_saved`. */
  prefix: 'mfa_policy' | 'swap_policy';
  onChanged?: () => void;
}

function PolicyCard({ field, fallback, prefix, onChanged }: PolicyCardProps) {
  const { t, tError } = useLocale();
  const labelId = useId();
  const hintId = useId();
  const org = useOrg();
  const update = useUpdateOrg();
  const key = (suffix: string) => `${prefix}_${suffix}` as MessageKey;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t(key('title'))}</CardTitle>
        <CardDescription id={hintId}>{t(key('hint'))}</CardDescription>
      </CardHeader>
      {org.isPending ? (
        <Spinner label={t('loading')} />
      ) : org.isError ? (
        <Alert variant="danger">{tError(org.error)}</Alert>
      ) : (
        <div className="space-y-3">
          {update.isError ? <Alert variant="danger">{tError(update.error)}</Alert> : null}
          {update.isSuccess ? <Alert variant="success">{t(key('saved'))}</Alert> : null}
          <div className="flex items-start gap-3">
            <Switch
              checked={org.data[field] ?? fallback}
              aria-labelledby={labelId}
              aria-describedby={hintId}
              disabled={update.isPending}
              onCheckedChange={(checked) => update.mutate({ [field]: checked }, { onSuccess: () => onChanged?.() })}
            />
            <span id={labelId} className="text-sm">
              {t(key('label'))}
            </span>
          </div>
        </div>
      )}
    </Card>
  );
}

/**
 * The org's MFA policy (owners and admins): when on, an owner or admin without a second
 * factor gets a session that can only turn it on, so the app reads the account again
 * (`onChanged`).
 */
export function MfaPolicyCard({ onChanged }: { onChanged?: () => void }) {
  return <PolicyCard field="mfa_required_for_admins" fallback={false} prefix="mfa_policy" onChanged={onChanged} />;
}

/**
 * The org's swap policy: when on (the default), a swap or handover a colleague accepted
 * waits for a manager's approval (page Echanges) before the missions change hands.
 */
export function SwapPolicyCard() {
  return <PolicyCard field="swaps_require_approval" fallback prefix="swap_policy" />;
}

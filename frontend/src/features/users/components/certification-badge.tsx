import { Badge } from '@/components/ui/badge/badge';
import { useLocale } from '@/lib/i18n/use-locale';
import { certificationState } from '@/features/users/utils/certifications';

/** "Expired" / "Expires soon" for a skill with a `valid_until` (nothing while it is valid). */
export function CertificationBadge({ skill, validUntil, today }: { skill: string; validUntil: string | null | undefined; today: string }) {
  const { t } = useLocale();
  const state = certificationState(validUntil, today);
  if (state !== 'expired' && state !== 'expiring') return null;
  const label = t(state === 'expired' ? 'users_cert_expired' : 'users_cert_expiring');
  return (
    <Badge variant={state === 'expired' ? 'danger' : 'info'} aria-label={t('users_cert_state_of', { skill, state: label })}>
      {label}
    </Badge>
  );
}

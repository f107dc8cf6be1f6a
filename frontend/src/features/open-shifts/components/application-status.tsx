import { Badge } from '@/components/ui/badge/badge';
import { useLocale } from '@/lib/i18n/use-locale';
import type { MessageKey } from '@/lib/i18n/translate';
import type { OpenShiftApplication } from '@/features/open-shifts/api/list-mission-open-shifts';

type Status = OpenShiftApplication['status'];

const LABELS: Record<Status, MessageKey> = {
  PENDING: 'open_shifts_status_pending',
  WAITLISTED: 'open_shifts_status_waitlisted',
  OFFERED: 'open_shifts_status_offered',
  ACCEPTED: 'open_shifts_status_accepted',
  REJECTED: 'open_shifts_status_rejected',
  WITHDRAWN: 'open_shifts_status_withdrawn',
  DECLINED: 'open_shifts_status_declined',
  EXPIRED: 'open_shifts_status_expired',
  CLOSED: 'open_shifts_status_closed',
};

const VARIANTS: Partial<Record<Status, 'success' | 'warning' | 'neutral'>> = {
  ACCEPTED: 'success',
  OFFERED: 'warning',
};

/** An application's status, with its place on the waitlist. */
export function ApplicationStatus({ application }: { application: Pick<OpenShiftApplication, 'status' | 'position'> }) {
  const { t } = useLocale();
  return (
    <Badge variant={VARIANTS[application.status] ?? 'neutral'}>
      {t(LABELS[application.status])}
      {application.status === 'WAITLISTED' && application.position ? ` (${t('open_shifts_position', { position: application.position })})` : null}
    </Badge>
  );
}

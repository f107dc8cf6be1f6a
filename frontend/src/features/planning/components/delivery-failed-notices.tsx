import { Link } from 'react-router';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { useDates, wallTimeInZone } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import { useMission } from '@/features/planning/api/get-mission';
import { useUser } from '@/features/planning/api/get-user';
import { useDeliveryFailures } from '@/features/planning/hooks/use-delivery-failures';
import { deliveryErrorKey } from '@/features/planning/utils/delivery';
import type { DeliveryFailure } from '@/features/planning/utils/delivery-failures';

/** The planning opened on the mission's day with its panel open. */
export function missionPlanningPath(missionId: number, startsAt: string | undefined, timeZone: string): string {
  const params = new URLSearchParams();
  if (startsAt) params.set('date', wallTimeInZone(startsAt, timeZone).slice(0, 10));
  params.set('mission', String(missionId));
  return `/planning?${params}`;
}

function Notice({ failure, onDismiss }: { failure: DeliveryFailure; onDismiss: () => void }) {
  const { t } = useLocale();
  const { timeZone } = useDates();
  const mission = useMission(failure.mission_id);
  const user = useUser(failure.user_id);
  const name = user.data ? `${user.data.first_name} ${user.data.last_name}` : `#${failure.user_id}`;
  const title = mission.data?.title ?? `#${failure.mission_id}`;
  const reasonKey =
    deliveryErrorKey(failure.error) ??
    (failure.delivery_status === 'no_channel' ? 'planning_delivery_error_no_email' : 'planning_delivery_error_unknown');
  return (
    <Alert variant="danger" data-invitation={failure.invitation_id} className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <p className="min-w-0 flex-1 basis-64">
        <span className="font-medium">{t('planning_delivery_failed_notice', { name, mission: title })}</span>{' '}
        {t(reasonKey)}.
      </p>
      <span className="flex flex-wrap gap-2">
        <Link
          to={missionPlanningPath(failure.mission_id, mission.data?.starts_at, timeZone)}
          onClick={onDismiss}
          className="inline-flex h-8 items-center rounded-md bg-danger px-3 text-sm font-medium text-danger-foreground hover:bg-danger-hover focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
        >
          {t('planning_delivery_open_mission', { mission: title })}
        </Link>
        <Button variant="secondary" size="sm" onClick={onDismiss} aria-label={t('planning_delivery_dismiss_for', { name })}>
          {t('planning_delivery_dismiss')}
        </Button>
      </span>
    </Alert>
  );
}

/**
 * The notices of the current account's invitations that did not reach their
 * user (live): who, which mission, why, and a way to the mission. Mounted once
 * in the signed-in shell, so the inviter sees them on any screen.
 */
export function DeliveryFailedNotices({ accountId }: { accountId: number }) {
  const { t } = useLocale();
  const { notices, dismiss } = useDeliveryFailures(accountId);
  if (!notices.length) return null;
  return (
    <section aria-label={t('planning_delivery_notices')} className="mb-6 space-y-2">
      {notices.map((failure) => (
        <Notice key={failure.invitation_id} failure={failure} onDismiss={() => dismiss(failure.invitation_id)} />
      ))}
    </section>
  );
}

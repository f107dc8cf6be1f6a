import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Card } from '@/components/ui/card/card';
import { MissionTimes } from '@/components/mission-times/mission-times';
import { useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import { useDecideApplication } from '@/features/open-shifts/api/decide-application';
import { useMyApplications } from '@/features/open-shifts/api/list-my-applications';
import { ApplicationStatus } from '@/features/open-shifts/components/application-status';

/**
 * In My Missions: the places offered to me from a waitlist, with their deadline (accept /
 * decline), and my applications still waiting. Nothing when there are none.
 */
export function MyOffers() {
  const { t, tError } = useLocale();
  const { formatDateTime } = useDates();
  const applications = useMyApplications();
  const decide = useDecideApplication();
  const waiting = (applications.data?.items ?? []).filter((a) => ['OFFERED', 'PENDING', 'WAITLISTED'].includes(a.status));
  if (waiting.length === 0) return null;
  return (
    <Card>
      <h2 className="mb-4 text-lg font-semibold">{t('open_shifts_my_applications')}</h2>
      {decide.isError ? <Alert variant="danger" className="mb-4">{tError(decide.error)}</Alert> : null}
      <ul className="space-y-3">
        {waiting.map((a) => {
          const label = `${a.role_name} - ${a.mission_title}`;
          return (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 border-b pb-3 last:border-b-0">
              <div className="space-y-1">
                <p className="font-medium">{label}</p>
                <p className="text-sm"><MissionTimes startsAt={a.starts_at} endsAt={a.ends_at} /></p>
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <ApplicationStatus application={a} />
                  {a.status === 'OFFERED' && a.offer_expires_at ? (
                    <span>{t('open_shifts_offer_deadline', { deadline: formatDateTime(a.offer_expires_at) })}</span>
                  ) : null}
                </div>
              </div>
              <div className="flex gap-2">
                {a.status === 'OFFERED' ? (
                  <>
                    <Button size="sm" disabled={decide.isPending} aria-label={`${t('open_shifts_accept_offer')} - ${label}`} onClick={() => decide.mutate({ id: a.id, action: 'accept-offer' })}>
                      {t('open_shifts_accept_offer')}
                    </Button>
                    <Button size="sm" variant="secondary" disabled={decide.isPending} aria-label={`${t('open_shifts_decline_offer')} - ${label}`} onClick={() => decide.mutate({ id: a.id, action: 'decline-offer' })}>
                      {t('open_shifts_decline_offer')}
                    </Button>
                  </>
                ) : (
                  <Button size="sm" variant="secondary" disabled={decide.isPending} aria-label={`${t('open_shifts_withdraw')} - ${label}`} onClick={() => decide.mutate({ id: a.id, action: 'withdraw' })}>
                    {t('open_shifts_withdraw')}
                  </Button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

import { Alert } from '@/components/ui/alert/alert';
import { Badge } from '@/components/ui/badge/badge';
import { Button } from '@/components/ui/button/button';
import { Card } from '@/components/ui/card/card';
import { EmptyState } from '@/components/ui/empty-state/empty-state';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Spinner } from '@/components/ui/spinner/spinner';
import { MissionTimes } from '@/components/mission-times/mission-times';
import { useLocale } from '@/lib/i18n/use-locale';
import { useApplyToOpenShift } from '@/features/open-shifts/api/apply-to-open-shift';
import { useDecideApplication } from '@/features/open-shifts/api/decide-application';
import { useOpenShiftsForMe } from '@/features/open-shifts/api/list-open-shifts-for-me';
import { ApplicationStatus } from '@/features/open-shifts/components/application-status';

/**
 * "Ouverts": the open places the caller may take, best match first, each with its free
 * places or waitlist, the matching score, and apply / withdraw. One column on a phone.
 */
export function OpenShiftsList() {
  const { t, tError } = useLocale();
  const shifts = useOpenShiftsForMe();
  const apply = useApplyToOpenShift();
  const decide = useDecideApplication();

  if (shifts.isPending) return <Spinner label={t('open_shifts_loading')} />;
  if (shifts.isError) return <ErrorState error={shifts.error} onRetry={() => void shifts.refetch()} />;
  if (shifts.data.items.length === 0) return <EmptyState title={t('open_shifts_empty')} />;
  const error = apply.error ?? decide.error;
  return (
    <div className="space-y-4">
      {error ? <Alert variant="danger">{tError(error)}</Alert> : null}
      <ul className="grid gap-4 md:grid-cols-2" aria-label={t('open_shifts_title')}>
        {shifts.data.items.map((shift) => {
          const mine = shift.my_application;
          const label = `${shift.role_name} - ${shift.mission_title}`;
          return (
            <li key={shift.id}>
              <Card className="space-y-2">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <h2 className="text-base font-semibold">{label}</h2>
                  <Badge variant="neutral">{t('open_shifts_score', { score: shift.score })}</Badge>
                </div>
                <p className="text-sm">
                  <MissionTimes startsAt={shift.starts_at} endsAt={shift.ends_at} />
                  {shift.place_name ? ` - ${shift.place_name}` : null}
                </p>
                <p className="text-sm text-muted-foreground">
                  {shift.free > 0
                    ? t('open_shifts_free', { count: shift.free })
                    : t('open_shifts_full_waitlist', { count: shift.waitlisted })}
                  {shift.policy === 'manager_picks' ? ` - ${t('open_shifts_policy_manager_picks')}` : null}
                </p>
                {mine ? (
                  <div className="flex flex-wrap items-center gap-2">
                    <ApplicationStatus application={mine} />
                    <Button
                      size="sm"
                      variant="secondary"
                      disabled={decide.isPending}
                      aria-label={`${t('open_shifts_withdraw')} - ${label}`}
                      onClick={() => decide.mutate({ id: mine.id, action: 'withdraw' })}
                    >
                      {t('open_shifts_withdraw')}
                    </Button>
                  </div>
                ) : (
                  <Button
                    size="sm"
                    disabled={apply.isPending}
                    aria-label={`${shift.free > 0 ? t('open_shifts_apply') : t('open_shifts_join_waitlist')} - ${label}`}
                    onClick={() => apply.mutate(shift.id)}
                  >
                    {shift.free > 0 ? t('open_shifts_apply') : t('open_shifts_join_waitlist')}
                  </Button>
                )}
              </Card>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router';

import { DeclineReasonForm } from '@/components/decline-reason-form/decline-reason-form';
import { Alert } from '@/components/ui/alert/alert';
import { Badge } from '@/components/ui/badge/badge';
import { Button } from '@/components/ui/button/button';
import { Spinner } from '@/components/ui/spinner/spinner';
import { isApiError } from '@/lib/api/api-error';
import { dayInZone, DEFAULT_TIMEZONE, TimeZoneProvider, useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import { useAnswerInvitation, type PublicAnswer } from '@/features/invitations/api/answer-invitation';
import { usePublicInvitation, type PublicInvitation } from '@/features/invitations/api/get-public-invitation';

export interface InvitationAnswerProps {
  invitationId: string;
  token: string | null;
  /** `accept` or `decline` from the link (plugins' one-tap links): preselects, never submits. */
  preselect?: string | null;
}

type Translate = ReturnType<typeof useLocale>['t'];

/**
 * The public page behind an invitation link: the mission first (in the org's timezone),
 * then Accept, or Decline with an optional reason. An answered, expired or withdrawn
 * link says so and offers no buttons. A reserve (invited beyond the role's quota) is
 * told so before answering, and its place in line once it accepted.
 */
export function InvitationAnswer({ invitationId, token, preselect }: InvitationAnswerProps) {
  const { t, tError } = useLocale();
  const valid = Boolean(token) && /^\d+$/.test(invitationId);
  const invitation = usePublicInvitation(invitationId, token ?? '', valid);

  if (!valid || !token) {
    return <Alert variant="danger">{t('invitation_invalid_link')}</Alert>;
  }
  if (invitation.isPending) return <Spinner label={t('invitation_loading')} />;
  if (invitation.isError) {
    const error = invitation.error;
    const missing = isApiError(error) && error.status === 404;
    return (
      <div className="space-y-4">
        <Alert variant="danger">
          <p className="font-medium">{t(missing ? 'invitation_not_found_title' : 'invitation_load_error_title')}</p>
          <p className="mt-1">{tError(error)}</p>
        </Alert>
        {missing ? null : (
          <Button variant="secondary" loading={invitation.isFetching} onClick={() => void invitation.refetch()}>
            {t('action_retry')}
          </Button>
        )}
        <AccountHint />
      </div>
    );
  }
  return (
    <TimeZoneProvider timeZone={invitation.data.timezone || DEFAULT_TIMEZONE}>
      <InvitationView invitation={invitation.data} invitationId={invitationId} token={token} preselect={preselect} />
    </TimeZoneProvider>
  );
}

interface InvitationViewProps {
  invitation: PublicInvitation;
  invitationId: string;
  token: string;
  preselect?: string | null;
}

function InvitationView({ invitation, invitationId, token, preselect }: InvitationViewProps) {
  const { t, tError } = useLocale();
  const { formatDateTime } = useDates();
  const answer = useAnswerInvitation();
  const [declining, setDeclining] = useState(preselect === 'decline');
  const acceptId = useId();
  const open = invitation.answer == null && !invitation.revoked && !invitation.expired;

  useEffect(() => {
    if (open && preselect === 'accept') document.getElementById(acceptId)?.focus();
  }, [open, preselect, acceptId]);

  if (answer.isSuccess) return <AnswerResult result={answer.data} />;

  if (invitation.answer != null) {
    const accepted = invitation.answer === 'ACCEPTED';
    return (
      <div className="space-y-5">
        <Alert variant={accepted ? 'success' : 'info'}>
          {t(accepted ? 'invitation_already_accepted' : 'invitation_already_declined')}
        </Alert>
        {accepted ? <ReserveWaiting result={invitation} /> : null}
        <MissionDetails mission={invitation} answer={invitation.answer} reserve={invitation.reserve} />
        <AccountHint />
      </div>
    );
  }

  if (!open) {
    const revoked = invitation.revoked;
    return (
      <div className="space-y-5">
        <Alert variant="danger">
          <p className="font-medium">{t(revoked ? 'invitation_revoked_title' : 'invitation_expired_title')}</p>
          <p className="mt-1">{t(revoked ? 'error_invitation_revoked' : 'error_invitation_expired')}</p>
        </Alert>
        <MissionDetails mission={invitation} />
        <AccountHint />
      </div>
    );
  }

  const error = answer.error;
  const blocking = isApiError(error) && [404, 409, 410].includes(error.status);
  return (
    <div className="space-y-5">
      <p className="text-muted-foreground">{t('invitation_intro', { org: invitation.org_name })}</p>
      {invitation.reserve ? <Alert variant="warning">{t('invitation_reserve_intro')}</Alert> : null}
      <MissionDetails mission={invitation} />
      {error ? (
        <Alert variant="danger">
          <p className="font-medium">{errorTitle(error, t)}</p>
          <p className="mt-1">{tError(error)}</p>
        </Alert>
      ) : null}
      {blocking ? null : declining ? (
        <DeclineReasonForm
          layout="page"
          loading={answer.isPending}
          submitLabel={t('invitation_confirm_decline')}
          cancelLabel={t('action_back')}
          onConfirm={(reason) => answer.mutate({ invitationId, token, accept: false, reason })}
          onCancel={() => setDeclining(false)}
        />
      ) : (
        <div className="flex flex-wrap gap-3">
          <Button
            id={acceptId}
            size="lg"
            loading={answer.isPending}
            onClick={() => answer.mutate({ invitationId, token, accept: true })}
          >
            {t('action_accept')}
          </Button>
          <Button size="lg" variant="secondary" onClick={() => setDeclining(true)}>
            {t('action_decline')}
          </Button>
        </div>
      )}
      {blocking ? null : (
        <p className="text-xs text-muted-foreground">
          {t('invitation_expires_at', { date: formatDateTime(invitation.expires_at) })}
        </p>
      )}
      <AccountHint />
    </div>
  );
}

function AccountHint() {
  const { t } = useLocale();
  return (
    <p className="text-xs text-muted-foreground">
      {t('invitation_account_hint')}{' '}
      <Link to="/login" className="font-medium text-primary underline-offset-4 hover:underline">
        {t('login_submit')}
      </Link>
    </p>
  );
}

function errorTitle(error: unknown, t: Translate): string {
  if (!isApiError(error)) return t('invitation_error_title');
  if (error.code === 'invitation.expired') return t('invitation_expired_title');
  if (error.code === 'invitation.revoked') return t('invitation_revoked_title');
  if (error.status === 404) return t('invitation_not_found_title');
  if (error.status === 409) return t('invitation_already_answered_title');
  return t('invitation_error_title');
}

function AnswerResult({ result }: { result: PublicAnswer }) {
  const { t } = useLocale();
  const accepted = result.answer === 'ACCEPTED';
  const headline = result.replayed
    ? t(accepted ? 'invitation_already_accepted' : 'invitation_already_declined')
    : t(accepted ? 'invitation_accepted' : 'invitation_declined');
  return (
    <div className="space-y-4">
      <Alert variant={accepted ? 'success' : 'info'}>{headline}</Alert>
      {accepted ? <ReserveWaiting result={result} /> : null}
      <MissionDetails mission={result} answer={result.answer} reserve={result.reserve} />
    </div>
  );
}

/** "You are on the reserve list (#2)": an accepted reserve waits for a place. */
function ReserveWaiting({ result }: { result: { reserve?: boolean; reserve_position?: number | null } }) {
  const { t } = useLocale();
  if (!result.reserve) return null;
  return (
    <Alert variant="warning">{t('invitation_reserve_waiting', { position: result.reserve_position ?? '-' })}</Alert>
  );
}

type Mission = Pick<
  PublicInvitation,
  'mission_title' | 'role_name' | 'place' | 'starts_at' | 'ends_at' | 'org_name' | 'timezone'
>;

/** The mission as the crew member needs it to decide, with times in the org's timezone. */
function MissionDetails({ mission, answer, reserve }: { mission: Mission; answer?: string | null; reserve?: boolean }) {
  const { t } = useLocale();
  const { timeZone, formatDate, formatDateTime, formatTime, formatZone } = useDates();
  const sameDay = dayInZone(mission.starts_at, timeZone) === dayInZone(mission.ends_at, timeZone);
  const accepted = answer === 'ACCEPTED';
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
      <dt className="text-muted-foreground">{t('invitation_mission')}</dt>
      <dd className="font-medium">{mission.mission_title}</dd>
      <dt className="text-muted-foreground">{t('invitation_role')}</dt>
      <dd>{mission.role_name}</dd>
      <dt className="text-muted-foreground">{t('invitation_when')}</dt>
      <dd>
        {sameDay
          ? t('my_missions_when', {
              date: formatDate(mission.starts_at),
              start: formatTime(mission.starts_at),
              end: formatTime(mission.ends_at),
            })
          : t('invitation_when_range', {
              start: formatDateTime(mission.starts_at),
              end: formatDateTime(mission.ends_at),
            })}
        <span className="block text-xs text-muted-foreground">{t('invitation_time_zone', { zone: formatZone(timeZone) })}</span>
      </dd>
      {mission.place ? (
        <>
          <dt className="text-muted-foreground">{t('invitation_place')}</dt>
          <dd>{mission.place}</dd>
        </>
      ) : null}
      <dt className="text-muted-foreground">{t('invitation_org')}</dt>
      <dd>{mission.org_name}</dd>
      {answer ? (
        <>
          <dt className="text-muted-foreground">{t('invitation_status')}</dt>
          <dd>
            <Badge variant={accepted ? 'success' : 'danger'}>
              {t(accepted ? 'assignment_status_accepted' : 'assignment_status_declined')}
            </Badge>{' '}
            {accepted && reserve ? <Badge variant="warning">{t('invitation_reserve_status')}</Badge> : null}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

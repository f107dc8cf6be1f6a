import { useId, useState } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Badge } from '@/components/ui/badge/badge';
import { MissionTimes } from '@/components/mission-times/mission-times';
import { Button } from '@/components/ui/button/button';
import { Card, CardTitle } from '@/components/ui/card/card';
import { Select } from '@/components/ui/select/select';
import { useDescribeConflict } from '@/lib/conflict-text';
import { useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import { isApiError } from '@/lib/api/api-error';
import { isRoleFull, reserveBadge } from '@/lib/reserves';
import type { Conflict } from '@/features/planning/api/create-assignment';
import type { MissionView, PlanningAssignment } from '@/features/planning/api/get-planning';
import { useMissionAssignments } from '@/features/planning/api/list-mission-assignments';
import { useResendInvitation } from '@/features/planning/api/resend-invitation';
import { DeliveryBadge, DeliveryReason } from '@/features/planning/components/delivery-status';
import { MoveMissionForm } from '@/features/planning/components/move-mission-form';
import { usePlanningStore } from '@/features/planning/stores/planning-store';
import { statusTone } from '@/features/planning/utils/calendar';
import { isDeliveryStatus } from '@/features/planning/utils/delivery';

const BADGE = { info: 'info', success: 'success', danger: 'danger', muted: 'neutral', neutral: 'neutral' } as const;

/**
 * The selected mission: roles and fill, assignments by status, the conflicts of
 * the last invite, and an invite form (the keyboard way to do a drop, and the
 * role choice when a drop lands on a mission with several roles). On a full role
 * the form offers to invite on the reserve list (the API refuses otherwise).
 */
export function MissionPanel({
  mission,
  assignments,
  userNames,
  warnings,
  inviting,
  onInvite,
  moving = false,
  onMove,
}: {
  mission: MissionView;
  assignments: PlanningAssignment[];
  userNames: Map<number, string>;
  warnings: Conflict[];
  inviting: boolean;
  /** Absent for a role that may not invite: no invite form, no resend. */
  onInvite?: (missionRoleId: number, userId: number, reserve: boolean) => void;
  moving?: boolean;
  /** Absent for a role that may not change missions: no times form. */
  onMove?: (startsAt: string, endsAt: string) => void;
}) {
  const { t, tError } = useLocale();
  const { formatDuration } = useDates();
  const describe = useDescribeConflict();
  const details = useMissionAssignments(mission.id);
  const resend = useResendInvitation();
  const [resent, setResent] = useState<string | null>(null);
  // The invite form's values live in the planning store (below), not in a form library.
  const [missingUser, setMissingUser] = useState(false);
  const userErrorId = useId();
  const pendingDrop = usePlanningStore((s) => s.pendingDrop);
  const setPendingDrop = usePlanningStore((s) => s.setPendingDrop);
  const selectMission = usePlanningStore((s) => s.selectMission);
  // The form's values live in the store (a drop on a mission with several roles lands
  // here with the person chosen; a move to the phone drawer keeps what was chosen).
  const draft = usePlanningStore((s) => (s.inviteDraft?.missionId === mission.id ? s.inviteDraft : null));
  const setInviteDraft = usePlanningStore((s) => s.setInviteDraft);
  const userId = draft?.userId ?? '';
  // A role with a free place first; a full one only takes reserves.
  const roleId =
    draft?.roleId ?? String((mission.roles.find((r) => !isRoleFull(r)) ?? mission.roles[0])?.id ?? '');
  const reserve = draft?.reserve ?? false;
  const editDraft = (change: { userId?: string; roleId?: string; reserve?: boolean }) =>
    setInviteDraft({ missionId: mission.id, userId, roleId, reserve, ...change });
  const reserveId = useId();
  const chosenRole = mission.roles.find((r) => String(r.id) === roleId);
  const full = chosenRole ? isRoleFull(chosenRole) : false;

  const own = assignments.filter((a) => a.mission_id === mission.id);
  const choosing = pendingDrop?.missionId === mission.id;
  return (
    <Card aria-labelledby="mission-panel-title" role="region" className="space-y-3 p-4">
      <div className="flex items-start justify-between gap-2">
        <div>
          <CardTitle id="mission-panel-title" className="text-base">
            {mission.title}
          </CardTitle>
          <p className="text-sm text-muted-foreground">
            <MissionTimes startsAt={mission.starts_at} endsAt={mission.ends_at} timeZone={mission.timezone} />
            {` (${formatDuration(mission.duration_minutes)})`}
            {mission.place ? <span className="block">{mission.place}</span> : null}
          </p>
          <p className="text-sm text-muted-foreground">{mission.project_name}</p>
        </div>
        <Button variant="ghost" size="sm" onClick={() => selectMission(null)}>
          {t('planning_close')}
        </Button>
      </div>
      {warnings.length ? (
        <Alert variant="warning">
          <p className="font-medium">{t('planning_warnings_title', { count: warnings.length })}</p>
          <ul className="mt-1 list-disc pl-4">
            {warnings.map((w, i) => (
              <li key={i}>
                {t(`planning_conflict_${w.kind}` as 'planning_conflict_overlap')}
                {t('separator')}
                {describe(w)}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <div>
        <h3 className="text-sm font-medium">{t('planning_roles')}</h3>
        <ul className="mt-1 space-y-1 text-sm">
          {mission.roles.map((role) => (
            <li key={role.id}>
              {role.name}:{' '}
              {t('planning_role_fill', {
                accepted: role.accepted,
                quota: role.quota,
                pending: role.pending,
                declined: role.declined,
                open: role.open,
              })}
              {role.reserves ? `, ${t('planning_role_reserves', { count: role.reserves })}` : null}
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3 className="text-sm font-medium">{t('planning_assignments')}</h3>
        {own.length === 0 ? <p className="text-sm text-muted-foreground">{t('planning_assignments_empty')}</p> : null}
        <ul className="mt-1 space-y-2 text-sm">
          {own.map((a) => {
            const name = userNames.get(a.user_id) ?? `#${a.user_id}`;
            const invitation = details.data?.items.find((d) => d.id === a.id)?.invitation ?? null;
            const delivery = invitation?.delivery.status ?? a.delivery_status;
            const invited = a.status === 'INVITED';
            const badge = reserveBadge(a);
            return (
              <li key={a.id} className="space-y-1" data-assignment={a.id}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="font-medium">{name}</span>
                  <span className="flex flex-wrap items-center gap-1">
                    <Badge variant={BADGE[statusTone(a.status)]}>
                      {t(`planning_status_${a.status.toLowerCase()}` as 'planning_status_invited')}
                    </Badge>
                    {badge && (invited || a.status === 'ACCEPTED') ? (
                      <Badge variant="warning">{t(...badge)}</Badge>
                    ) : null}
                    {invited && isDeliveryStatus(delivery) ? <DeliveryBadge status={delivery} /> : null}
                  </span>
                </div>
                {invited && isDeliveryStatus(delivery) ? (
                  <DeliveryReason status={delivery} error={invitation?.delivery.error ?? null} />
                ) : null}
                {invited && invitation && onInvite ? (
                  <Button
                    variant="secondary"
                    size="sm"
                    aria-label={t('planning_resend_for', { name })}
                    loading={resend.isPending && resend.variables === invitation.id}
                    disabled={resend.isPending}
                    onClick={() => {
                      setResent(null);
                      resend.mutate(invitation.id, { onSuccess: () => setResent(name) });
                    }}
                  >
                    {t('planning_resend')}
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
        {details.isError ? <p className="mt-1 text-xs text-danger">{tError(details.error)}</p> : null}
        {resent && !resend.isError ? (
          <Alert variant="success" className="mt-2">
            {t('planning_resent', { name: resent })}
          </Alert>
        ) : null}
        {resend.isError ? (
          <Alert variant="danger" className="mt-2">
            {isApiError(resend.error) && resend.error.code === 'invitation.already_answered'
              ? t('planning_resend_error_answered')
              : tError(resend.error)}
          </Alert>
        ) : null}
      </div>
      {onInvite ? (
        <form
          className="space-y-2"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setMissingUser(!userId);
            if (!userId || !roleId) return;
            onInvite(Number(roleId), Number(userId), full && reserve);
            setPendingDrop(null);
          }}
        >
          <h3 className="text-sm font-medium">{choosing ? t('planning_choose_role') : t('planning_invite')}</h3>
          <label className="block space-y-1 text-sm">
            <span>{t('planning_invite_user')}</span>
            <Select
              size="sm"
              value={userId}
              aria-invalid={missingUser || undefined}
              aria-describedby={missingUser ? userErrorId : undefined}
              onChange={(e) => {
                setMissingUser(false);
                editDraft({ userId: e.target.value });
              }}
            >
              <option value="">-</option>
              {[...userNames].map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </Select>
            {missingUser ? (
              <span id={userErrorId} className="block text-xs text-danger">
                {t('form_required')}
              </span>
            ) : null}
          </label>
          <label className="block space-y-1 text-sm">
            <span>{t('planning_invite_role')}</span>
            <Select size="sm" value={roleId} onChange={(e) => editDraft({ roleId: e.target.value })}>
              {mission.roles.map((role) => (
                <option key={role.id} value={role.id}>
                  {role.name}
                </option>
              ))}
            </Select>
          </label>
          {full && chosenRole ? (
            <div className="space-y-1 text-sm">
              <label htmlFor={reserveId} className="flex items-center gap-2">
                <input
                  id={reserveId}
                  type="checkbox"
                  checked={reserve}
                  aria-describedby={`${reserveId}-hint`}
                  onChange={(e) => editDraft({ reserve: e.target.checked })}
                />
                <span>{t('planning_reserve_invite')}</span>
              </label>
              <p id={`${reserveId}-hint`} className="text-xs text-muted-foreground">
                {t('planning_reserve_hint', { quota: chosenRole.quota })}
              </p>
            </div>
          ) : null}
          <Button type="submit" size="sm" loading={inviting} disabled={!mission.roles.length}>
            {t('planning_invite')}
          </Button>
        </form>
      ) : null}
      {onMove ? (
        <MoveMissionForm
          key={`${mission.starts_at}-${mission.ends_at}`}
          startsAt={mission.starts_at}
          endsAt={mission.ends_at}
          timeZone={mission.timezone}
          pending={moving}
          onMove={onMove}
        />
      ) : null}
    </Card>
  );
}

import { lazy, Suspense, useId, useMemo, useState, type ReactNode } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Spinner } from '@/components/ui/spinner/spinner';
import { UndoToast, type UndoOffer } from '@/components/ui/toast/undo-toast';
import { useOnline } from '@/hooks/use-online';
import { isApiError } from '@/lib/api/api-error';
import { useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import { resolveMissions } from '@/lib/planning';
import { isRoleFull, QUOTA_WOULD_EXCEED } from '@/lib/reserves';
import { useCancelAssignment } from '@/features/planning/api/cancel-assignment';
import { checkAssignments, type ConflictCheck } from '@/features/planning/api/check-assignments';
import { useCreateAssignment } from '@/features/planning/api/create-assignment';
import { usePlanning, type PlanningWindow } from '@/features/planning/api/get-planning';
import { usePlanningAbsences } from '@/features/planning/api/list-planning-absences';
import { useCrewUsers } from '@/features/planning/api/list-users';
import { useUpdateMissionTimes } from '@/features/planning/api/update-mission-times';
import { ConflictConfirmDialog, type ConflictProposal } from '@/features/planning/components/conflict-confirm-dialog';
import { CrewList } from '@/features/planning/components/crew-list';
import { DayAgenda } from '@/features/planning/components/day-agenda';
import { HoursSummary } from '@/features/planning/components/hours-summary';
import { MissionDrawer } from '@/features/planning/components/mission-drawer';
import { MissionPanel } from '@/features/planning/components/mission-panel';
import { OfflinePlanning } from '@/features/planning/components/offline-planning';
import { HeatToggle, PlanningToolbar } from '@/features/planning/components/planning-toolbar';
import { StatusLegend } from '@/features/planning/components/status-legend';
import { useIsPhone } from '@/features/planning/hooks/use-is-phone';
import { usePlanningLiveUpdates } from '@/features/planning/hooks/use-planning-live-updates';
import { usePlanningStore } from '@/features/planning/stores/planning-store';
import { facets, filterByRole } from '@/features/planning/utils/calendar';
import { calendarWindow } from '@/features/planning/utils/timeline';

// FullCalendar is the heaviest dependency: its chunk loads with this screen only.
const PlanningCalendar = lazy(async () => ({
  default: (await import('@/features/planning/components/planning-calendar')).PlanningCalendar,
}));

/**
 * The planning: one toolbar, the calendar at full width (the crew and hours side
 * panel folds away, remembered), the selected mission beside it; on a phone a
 * day agenda instead of the calendar; offline, the person's own next 14 days. Inviting
 * (drop, panel form, resend) needs `canInvite` (`assignments.manage`), moving missions
 * `canReschedule` (`missions.manage`): without them the screen only reads.
 */
export function PlanningScreen({
  canInvite,
  canReschedule,
  availabilityStrip,
}: {
  canInvite: boolean;
  canReschedule: boolean;
  /**
   * The answers to availability requests for the visible window, behind a toggle (the
   * route gives it to those who manage requests: features do not import each other).
   */
  availabilityStrip?: (window: PlanningWindow | null) => ReactNode;
}) {
  const { t, tError } = useLocale();
  const { today } = useDates();
  const reported = usePlanningStore((s) => s.window);
  const view = usePlanningStore((s) => s.view);
  const zoom = usePlanningStore((s) => s.zoom);
  const openedOn = usePlanningStore((s) => s.initialDate);
  const filters = usePlanningStore((s) => s.filters);
  const selectedMissionId = usePlanningStore((s) => s.selectedMissionId);
  const warnings = usePlanningStore((s) => s.warnings);
  const addWarnings = usePlanningStore((s) => s.addWarnings);
  const selectMission = usePlanningStore((s) => s.selectMission);
  const setPendingDrop = usePlanningStore((s) => s.setPendingDrop);
  const pendingDrop = usePlanningStore((s) => s.pendingDrop);
  const crewPanelOpen = usePlanningStore((s) => s.crewPanelOpen);
  const legendOpen = usePlanningStore((s) => s.legendOpen);
  const heatOpen = usePlanningStore((s) => s.heatOpen);
  const isPhone = useIsPhone();
  const online = useOnline();
  // Until the calendar reports its dates (its chunk loads with this screen), the window
  // it will show is read already: the data and the chunk load side by side. The phone's
  // agenda sets its day at once.
  const visible = useMemo(
    () => reported ?? (isPhone ? null : calendarWindow(view, zoom, openedOn ?? today())),
    [isPhone, openedOn, reported, today, view, zoom],
  );
  const crewPanelId = useId();
  const legendId = useId();
  const heatId = useId();
  const apiFilters = useMemo(
    () => ({ statuses: filters.statuses, userId: filters.userId, projectId: filters.projectId }),
    [filters.statuses, filters.userId, filters.projectId],
  );
  const planning = usePlanning(visible, apiFilters);
  const personRows = usePlanningStore((s) => s.view === 'timeline' && s.rows === 'user');
  const absences = usePlanningAbsences(visible, personRows || isPhone);
  const crew = useCrewUsers();
  const live = usePlanningLiveUpdates();
  const invite = useCreateAssignment();
  const reschedule = useUpdateMissionTimes();
  const cancelAssignment = useCancelAssignment();
  const [notice, setNotice] = useState<string | null>(null);
  const [proposal, setProposal] = useState<ConflictProposal | null>(null);
  const [undo, setUndo] = useState<(UndoOffer & { key: number }) | null>(null);
  const offerUndo = (offer: UndoOffer) => setUndo({ ...offer, key: Date.now() });

  /**
   * Runs `go` at once when the dry run finds no conflict, else once the manager confirms
   * (`cancel` when they do not). A failed check leaves the answer to the command itself.
   */
  const guarded = (action: ConflictProposal['action'], body: ConflictCheck, go: () => void, cancel = () => {}) => {
    checkAssignments(body).then(
      ({ conflicts }) => {
        if (!conflicts.length) return go();
        setProposal({
          action,
          conflicts,
          confirm: () => {
            setProposal(null);
            go();
          },
          cancel: () => {
            setProposal(null);
            cancel();
          },
        });
      },
      () => go(),
    );
  };

  const allMissions = useMemo(() => (planning.data ? resolveMissions(planning.data) : []), [planning.data]);
  const missions = useMemo(() => filterByRole(allMissions, filters.role), [allMissions, filters.role]);
  const { roles, projects } = useMemo(() => facets(allMissions), [allMissions]);
  const userNames = useMemo(() => {
    const names = new Map<number, string>();
    for (const u of crew.data?.items ?? []) names.set(u.id, `${u.first_name} ${u.last_name}`);
    for (const u of planning.data?.users ?? []) names.set(u.id, `${u.first_name} ${u.last_name}`);
    return names;
  }, [crew.data, planning.data]);
  const users = useMemo(() => [...userNames].map(([id, name]) => ({ id, name })), [userNames]);
  const selected = missions.find((m) => m.id === selectedMissionId) ?? null;

  const doInvite = (missionId: number, missionRoleId: number, userId: number, reserve = false) => {
    setNotice(null);
    reschedule.reset();
    const check = { invite: { mission_role_ids: [missionRoleId], user_ids: [userId] } };
    guarded('invite', check, () => sendInvite(missionId, missionRoleId, userId, reserve));
  };

  const sendInvite = (missionId: number, missionRoleId: number, userId: number, reserve: boolean) => {
    invite.mutate(
      { mission_role_id: missionRoleId, user_id: userId, reserve },
      {
        onSuccess: (result) => {
          addWarnings(missionId, result.warnings ?? []);
          const name = userNames.get(userId) ?? '';
          const count = result.warnings?.length ?? 0;
          const message = count
            ? t('planning_invited_warnings', { name, count })
            : t(result.reserve ? 'planning_invited_reserve' : 'planning_invited', { name });
          setNotice(message);
          if (count) selectMission(missionId);
          offerUndo({
            message,
            undoneMessage: t('planning_undo_invite', { name }),
            undo: () => cancelAssignment.mutateAsync(result.id),
          });
        },
        onError: (error) => {
          // A drop on a full role: the panel offers the reserve list, with that person chosen.
          if (isApiError(error) && error.code === QUOTA_WOULD_EXCEED) {
            selectMission(missionId);
            setPendingDrop({ missionId, userId });
          }
        },
      },
    );
  };

  const onDropUser = (missionId: number, userId: number) => {
    const mission = allMissions.find((m) => m.id === missionId);
    if (!mission) return;
    const open = mission.roles.filter((r) => !isRoleFull(r));
    const only = mission.roles.length === 1 ? mission.roles[0] : open.length === 1 ? open[0] : undefined;
    if (only) {
      doInvite(missionId, only.id, userId);
      return;
    }
    // Several roles: the panel asks which one.
    selectMission(missionId);
    setPendingDrop({ missionId, userId });
  };

  const onReschedule = canReschedule
    ? (missionId: number, startsAt: string, endsAt: string, revert: () => void) => {
        setNotice(null);
        invite.reset();
        const before = allMissions.find((m) => m.id === missionId);
        const move = () =>
          reschedule.mutate(
            { missionId, starts_at: startsAt, ends_at: endsAt },
            {
              onError: () => revert(),
              onSuccess: () => {
                setNotice(t('planning_rescheduled'));
                if (!before) return;
                offerUndo({
                  message: t('planning_rescheduled'),
                  undoneMessage: t('planning_undo_move'),
                  undo: () =>
                    reschedule.mutateAsync({
                      missionId,
                      starts_at: before.starts_at,
                      ends_at: before.ends_at,
                    }),
                });
              },
            },
          );
        guarded('move', { move: { mission_id: missionId, starts_at: startsAt, ends_at: endsAt } }, move, revert);
      }
    : undefined;

  const actionError = invite.error ?? reschedule.error;
  // On a phone the selected mission opens in a drawer over the agenda; the side column is for wider screens.
  const showSide = !isPhone && (!!selected || crewPanelOpen);
  const inDrawer = isPhone && !!selected;
  const feedback = (
    <>
      {actionError ? <Alert variant="danger">{tError(actionError)}</Alert> : null}
      {notice ? <Alert variant="success">{notice}</Alert> : null}
    </>
  );
  const panel = selected ? (
    <MissionPanel
      key={`${selected.id}-${pendingDrop?.userId ?? ''}`}
      mission={selected}
      assignments={planning.data?.assignments ?? []}
      userNames={userNames}
      warnings={warnings[selected.id] ?? []}
      inviting={invite.isPending}
      onInvite={canInvite ? (roleId, userId, reserve) => doInvite(selected.id, roleId, userId, reserve) : undefined}
      moving={reschedule.isPending}
      onMove={onReschedule ? (startsAt, endsAt) => onReschedule(selected.id, startsAt, endsAt, () => {}) : undefined}
    />
  ) : null;
  // Without network and nothing fetched for the window: the person's own next 14 days,
  // as the shell last synced them.
  if (!online && !planning.data) return <OfflinePlanning />;
  const liveState = (
    <p className="text-xs text-muted-foreground" aria-live="polite">
      {live === 'open' ? t('planning_live_on') : t('planning_live_off')}
    </p>
  );
  return (
    <div className="space-y-3">
      {isPhone ? (
        <div className="flex items-center justify-between gap-2">
          {liveState}
          {availabilityStrip ? <HeatToggle heatId={heatId} /> : null}
        </div>
      ) : (
        <PlanningToolbar
          users={users}
          projects={projects}
          roles={roles}
          crewPanelId={crewPanelId}
          legendId={legendId}
          heatId={availabilityStrip ? heatId : undefined}
        >
          {liveState}
        </PlanningToolbar>
      )}
      {availabilityStrip ? (
        <div id={heatId} hidden={!heatOpen}>
          {heatOpen ? availabilityStrip(visible) : null}
        </div>
      ) : null}
      <StatusLegend id={legendId} hidden={!legendOpen && !isPhone} />
      {inDrawer ? null : feedback}
      {planning.isError ? <ErrorState error={planning.error} onRetry={() => void planning.refetch()} /> : null}
      <div className={showSide ? 'grid gap-4 lg:grid-cols-[minmax(0,1fr)_18rem]' : undefined}>
        <div
          className={isPhone ? 'min-w-0' : 'relative min-w-0'}
          aria-busy={planning.isFetching || undefined}
        >
          {isPhone ? (
            <div className="space-y-6">
              <DayAgenda missions={missions} absences={absences.data?.items} userNames={userNames} />
              {planning.data ? <HoursSummary users={planning.data.users} /> : null}
            </div>
          ) : (
            <Suspense fallback={<Spinner label={t('planning_loading')} />}>
              <PlanningCalendar
                planning={planning.data}
                missions={missions}
                userNames={userNames}
                onDropUser={canInvite ? onDropUser : undefined}
                onReschedule={onReschedule}
                absences={absences.data?.items}
              />
            </Suspense>
          )}
          {planning.data && missions.length === 0 && !isPhone ? (
            <p className="mt-2 text-sm text-muted-foreground">{t('planning_empty')}</p>
          ) : null}
        </div>
        <aside className="space-y-4" aria-label={t('planning_side')} hidden={!showSide}>
          {isPhone ? null : panel}
          <div id={crewPanelId} hidden={!crewPanelOpen || isPhone} className="space-y-4">
            {canInvite ? <CrewList /> : null}
            {planning.data ? <HoursSummary users={planning.data.users} /> : null}
          </div>
        </aside>
      </div>
      {isPhone ? (
        <MissionDrawer open={inDrawer} labelledBy="mission-panel-title" onClose={() => selectMission(null)}>
          {feedback}
          {panel}
        </MissionDrawer>
      ) : null}
      <ConflictConfirmDialog proposal={proposal} />
      {undo ? <UndoToast key={undo.key} offer={undo} onClose={() => setUndo(null)} /> : null}
    </div>
  );
}

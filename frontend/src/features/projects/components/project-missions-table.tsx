import { useId, useState } from 'react';

import { MissionTimes } from '@/components/mission-times/mission-times';
import { Alert } from '@/components/ui/alert/alert';
import { Badge } from '@/components/ui/badge/badge';
import { Button } from '@/components/ui/button/button';
import { ConfirmDialog } from '@/components/ui/dialog/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state/empty-state';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Input } from '@/components/ui/input/input';
import { Select } from '@/components/ui/select/select';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useDescribeConflict } from '@/lib/conflict-text';
import { useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import { isRoleFull } from '@/lib/reserves';
import { useBatchMissions } from '@/features/projects/api/batch-missions';
import { useBulkCreateAssignments } from '@/features/projects/api/bulk-create-assignments';
import { useDuplicateMissions } from '@/features/projects/api/duplicate-mission';
import { useProjectMissions } from '@/features/projects/api/list-project-missions';
import { parseDays } from '@/features/projects/utils/mission-pattern';

export interface AssignableUser {
  id: number;
  name: string;
}

/**
 * The missions of a project, with bulk actions on the selected ones: publish, unpublish,
 * delete and duplicate with `canManageMissions` (`missions.manage`), invite with
 * `canInvite` (`assignments.manage`). Without either, a plain list.
 */
export function ProjectMissionsTable({
  projectId,
  users,
  canManageMissions,
  canInvite,
}: {
  projectId: number;
  users: AssignableUser[];
  canManageMissions: boolean;
  canInvite: boolean;
}) {
  const { t, tError } = useLocale();
  const { formatDateTime } = useDates();
  const describe = useDescribeConflict();
  const missions = useProjectMissions(projectId);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [assignUser, setAssignUser] = useState('');
  const [assignReserve, setAssignReserve] = useState(false);
  const reserveHintId = useId();
  const assignHintId = useId();
  const [dupDays, setDupDays] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // One request per action (POST /missions:batch): the selection changes as a whole or not at all.
  const publish = useBatchMissions('publish');
  const unpublish = useBatchMissions('unpublish');
  const remove = useBatchMissions('delete');
  const duplicate = useDuplicateMissions();
  const assign = useBulkCreateAssignments();

  if (missions.isPending) return <Spinner label={t('projects_missions_loading')} />;
  if (missions.isError) return <ErrorState error={missions.error} onRetry={() => void missions.refetch()} />;
  const items = missions.data.items;
  if (items.length === 0) return <EmptyState title={t('projects_missions_empty')} />;

  const ids = [...selected].filter((id) => items.some((m) => m.id === id));
  const chosen = items.filter((m) => selected.has(m.id));
  // A mission whose roles are all full refuses the whole invitation unless it may take reserves.
  const anyFull = chosen.some((m) => m.roles.length > 0 && m.roles.every(isRoleFull));
  const error = publish.error ?? unpublish.error ?? remove.error ?? duplicate.error ?? assign.error;
  const busy = publish.isPending || unpublish.isPending || remove.isPending || duplicate.isPending || assign.isPending;
  const done = (message: string) => () => {
    setNotice(message);
    setSelected(new Set());
  };
  const reset = () => {
    setNotice(null);
    [publish, unpublish, remove, duplicate, assign].forEach((m) => m.reset());
  };
  const toggle = (id: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const parsedDays = parseDays(dupDays);
  const selectable = canManageMissions || canInvite;

  return (
    <div className="space-y-3">
      {error ? <Alert variant="danger">{tError(error)}</Alert> : null}
      {notice ? <Alert variant="success">{notice}</Alert> : null}
      {assign.data?.warnings?.length ? (
        <Alert variant="warning">
          {t('planning_warnings_title', { count: assign.data.warnings.length })}
          <ul className="mt-1 list-disc pl-4">
            {assign.data.warnings.map((w, i) => (
              <li key={i}>{describe(w)}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {selectable ? (
        <section aria-label={t('projects_bulk_actions')} className="flex flex-wrap items-end gap-3 rounded-lg border border-border bg-surface p-3">
          <p className="w-full text-sm font-medium" aria-live="polite">
            {t('projects_selected', { count: ids.length })}
          </p>
          {canManageMissions ? (
            <>
              <Button size="sm" variant="secondary" disabled={!ids.length || busy} onClick={() => { reset(); publish.mutate(ids, { onSuccess: done(t('projects_done_published', { count: ids.length })) }); }}>
                {t('projects_action_publish')}
              </Button>
              <Button size="sm" variant="secondary" disabled={!ids.length || busy} onClick={() => { reset(); unpublish.mutate(ids, { onSuccess: done(t('projects_done_unpublished', { count: ids.length })) }); }}>
                {t('projects_action_unpublish')}
              </Button>
              <Button size="sm" variant="danger" disabled={!ids.length || busy} onClick={() => { reset(); setConfirmDelete(true); }}>
                {t('projects_action_delete')}
              </Button>
            </>
          ) : null}
          {canInvite ? (
            <>
              <label className="space-y-1 text-sm">
                <span className="block">{t('projects_assign_user')}</span>
                <Select size="sm" width="auto" value={assignUser} onChange={(e) => setAssignUser(e.target.value)}>
                  <option value="">-</option>
                  {users.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </Select>
              </label>
              <Button
                size="sm"
                variant="secondary"
                disabled={!ids.length || !assignUser || busy}
                aria-describedby={assignHintId}
                onClick={() => {
                  reset();
                  // A user holds one assignment per mission: one role each, the first with a free place.
                  const roleIds = chosen.flatMap((m) => {
                    const role = m.roles.find((r) => !isRoleFull(r)) ?? m.roles[0];
                    return role ? [role.id] : [];
                  });
                  assign.mutate(
                    { mission_role_ids: roleIds, user_ids: [Number(assignUser)], reserve: anyFull && assignReserve },
                    { onSuccess: (r) => done(t('projects_done_assigned', { count: r.created }))() },
                  );
                }}
              >
                {t('projects_action_assign')}
              </Button>
              <p id={assignHintId} className="text-xs text-muted-foreground">
                {t('projects_action_assign_hint')}
              </p>
              {anyFull ? (
                <div className="space-y-1 text-sm">
                  <label className="flex items-center gap-2">
                    <input
                      type="checkbox"
                      aria-describedby={reserveHintId}
                      checked={assignReserve}
                      onChange={(e) => setAssignReserve(e.target.checked)}
                    />
                    <span>{t('projects_assign_reserve')}</span>
                  </label>
                  <p id={reserveHintId} className="text-xs text-muted-foreground">
                    {t('projects_assign_reserve_hint')}
                  </p>
                </div>
              ) : null}
            </>
          ) : null}
          {canManageMissions ? (
            <>
              <label className="space-y-1 text-sm">
                <span className="block">{t('projects_duplicate_days')}</span>
                <Input size="sm" placeholder={t('projects_duplicate_days_placeholder')} className="placeholder:italic" value={dupDays} onChange={(e) => setDupDays(e.target.value)} />
              </label>
              <Button
                size="sm"
                variant="secondary"
                disabled={!ids.length || !parsedDays?.length || busy}
                onClick={() => {
                  reset();
                  duplicate.mutate({ missionIds: ids, days: parsedDays ?? [] }, { onSuccess: (n) => done(t('projects_done_duplicated', { count: n }))() });
                }}
              >
                {t('projects_action_duplicate')}
              </Button>
            </>
          ) : null}
        </section>
      ) : null}
      <div className="overflow-x-auto rounded-lg border border-border bg-surface">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t('projects_missions_title')}</caption>
          <thead className="border-b border-border bg-muted/60 text-muted-foreground">
            <tr>
              {selectable ? (
                <th scope="col" className="px-3 py-2">
                  <input
                    type="checkbox"
                    aria-label={t('projects_select_all')}
                    checked={ids.length === items.length}
                    onChange={(e) => setSelected(e.target.checked ? new Set(items.map((m) => m.id)) : new Set())}
                  />
                </th>
              ) : null}
              <th scope="col" className="px-3 py-2 font-medium">{t('projects_col_title')}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t('projects_col_times')}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t('projects_field_place')}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t('projects_col_roles')}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t('projects_col_status')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <tr key={m.id} className="border-b border-border last:border-0">
                {selectable ? (
                  <td className="px-3 py-2">
                    <input
                      type="checkbox"
                      aria-label={t('projects_select_mission', { title: m.title, when: formatDateTime(m.starts_at) })}
                      checked={selected.has(m.id)}
                      onChange={() => toggle(m.id)}
                    />
                  </td>
                ) : null}
                <th scope="row" className="px-3 py-2 text-left font-medium">{m.title}</th>
                <td className="px-3 py-2 whitespace-nowrap">
                  <MissionTimes startsAt={m.starts_at} endsAt={m.ends_at} timeZone={m.timezone} />
                </td>
                <td className="px-3 py-2">{m.place || '-'}</td>
                <td className="px-3 py-2">
                  {m.roles
                    .map((r) => `${r.name} ${r.accepted}/${r.quota}${r.reserves ? ` (${t('planning_role_reserves', { count: r.reserves })})` : ''}`)
                    .join(', ') || '-'}
                </td>
                <td className="px-3 py-2">
                  <Badge variant={m.status === 'PUBLISHED' ? 'success' : 'neutral'}>
                    {t(m.status === 'PUBLISHED' ? 'projects_mission_published' : 'projects_mission_draft')}
                  </Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {missions.data.total > items.length ? (
        <p className="text-sm text-muted-foreground">{t('projects_missions_more', { count: missions.data.total - items.length })}</p>
      ) : null}
      <ConfirmDialog
        open={confirmDelete}
        title={t('projects_delete_title', { count: ids.length })}
        description={t('projects_delete_confirm')}
        confirmLabel={t('projects_action_delete')}
        cancelLabel={t('action_cancel')}
        destructive
        loading={remove.isPending}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() =>
          remove.mutate(ids, {
            onSettled: () => setConfirmDelete(false),
            onSuccess: done(t('projects_done_deleted', { count: ids.length })),
          })
        }
      />
    </div>
  );
}

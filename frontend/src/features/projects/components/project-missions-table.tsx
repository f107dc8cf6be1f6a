import type { ColumnDef, FilterFn, SortingState } from '@tanstack/react-table';
import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router';

import { MissionTimes } from '@/components/mission-times/mission-times';
import { Alert } from '@/components/ui/alert/alert';
import { Badge } from '@/components/ui/badge/badge';
import { Button } from '@/components/ui/button/button';
import { DataTable, TablePagination, useDataTable } from '@/components/ui/data-table/data-table';
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
import { useProjectMissions, type Mission } from '@/features/projects/api/list-project-missions';

export interface AssignableUser {
  id: number;
  name: string;
}

const NO_MISSIONS: Mission[] = [];

/** Rows per page of the missions table. */
export const MISSIONS_PAGE_SIZE = 25;

/** What the search looks in: title, place, role names and skills. */
export function missionSearchText(m: Mission): string {
  return [m.title, m.place, ...m.roles.flatMap((r) => [r.name, ...r.required_skills])].join(' ').toLowerCase();
}

const matchesSearch: FilterFn<Mission> = (row, _columnId, value: string) => {
  const words = value.toLowerCase().split(/\s+/).filter(Boolean);
  const text = missionSearchText(row.original);
  return words.every((w) => text.includes(w));
};

function openPlaces(m: Mission): number {
  return m.roles.reduce((sum, r) => sum + r.open, 0);
}

/**
 * The missions of a project in a table that searches, sorts and pages them (TanStack
 * Table), with bulk actions on the selected ones: publish, unpublish, delete and
 * duplicate (date pickers) with `canManageMissions` (`missions.manage`), invite with
 * `canInvite` (`assignments.manage`). Without either, a plain list. Each title opens the
 * mission's page.
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
  const [dupFrom, setDupFrom] = useState('');
  const [dupTo, setDupTo] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [sorting, setSorting] = useState<SortingState>([{ id: 'starts_at', desc: false }]);
  // One request per action (POST /missions:batch): the selection changes as a whole or not at all.
  const publish = useBatchMissions('publish');
  const unpublish = useBatchMissions('unpublish');
  const remove = useBatchMissions('delete');
  const duplicate = useDuplicateMissions();
  const assign = useBulkCreateAssignments();
  const selectable = canManageMissions || canInvite;

  const missionList = missions.data ?? NO_MISSIONS;
  const columns = useMemo<ColumnDef<Mission>[]>(() => {
    const select: ColumnDef<Mission> = {
      id: 'select',
      enableSorting: false,
      meta: { className: 'px-3 py-2' },
      header: ({ table: tbl }) => {
        const shown = tbl.getFilteredRowModel().rows.map((r) => r.original.id);
        return (
          <input
            type="checkbox"
            aria-label={t('projects_select_all')}
            checked={shown.length > 0 && shown.every((id) => selected.has(id))}
            onChange={(e) =>
              setSelected((s) => {
                const next = new Set(s);
                for (const id of shown) {
                  if (e.target.checked) next.add(id);
                  else next.delete(id);
                }
                return next;
              })
            }
          />
        );
      },
      cell: ({ row: { original: m } }) => (
        <input
          type="checkbox"
          aria-label={t('projects_select_mission', { title: m.title, when: formatDateTime(m.starts_at) })}
          checked={selected.has(m.id)}
          onChange={() =>
            setSelected((s) => {
              const next = new Set(s);
              if (next.has(m.id)) next.delete(m.id);
              else next.add(m.id);
              return next;
            })
          }
        />
      ),
    };
    const data: ColumnDef<Mission>[] = [
      {
        id: 'title',
        accessorFn: (m) => m.title.toLowerCase(),
        header: t('projects_col_title'),
        meta: { rowHeader: true, className: 'px-3 py-2 font-medium' },
        cell: ({ row: { original: m } }) => (
          <Link to={`/missions/${m.id}`} className="text-primary underline-offset-4 hover:underline">
            {m.title}
          </Link>
        ),
      },
      {
        id: 'starts_at',
        accessorFn: (m) => Date.parse(m.starts_at),
        header: t('projects_col_times'),
        meta: { className: 'px-3 py-2 whitespace-nowrap' },
        cell: ({ row: { original: m } }) => <MissionTimes startsAt={m.starts_at} endsAt={m.ends_at} timeZone={m.timezone} />,
      },
      {
        id: 'place',
        accessorFn: (m) => m.place.toLowerCase(),
        header: t('projects_field_place'),
        meta: { className: 'px-3 py-2' },
        cell: ({ row: { original: m } }) => m.place || '-',
      },
      {
        id: 'open',
        accessorFn: openPlaces,
        header: t('projects_col_roles'),
        meta: { className: 'px-3 py-2' },
        cell: ({ row: { original: m } }) =>
          m.roles
            .map((r) => `${r.name} ${r.accepted}/${r.quota}${r.reserves ? ` (${t('planning_role_reserves', { count: r.reserves })})` : ''}`)
            .join(', ') || '-',
      },
      {
        id: 'status',
        accessorFn: (m) => m.status,
        header: t('projects_col_status'),
        meta: { className: 'px-3 py-2' },
        cell: ({ row: { original: m } }) => (
          <Badge variant={m.status === 'PUBLISHED' ? 'success' : 'neutral'}>
            {t(m.status === 'PUBLISHED' ? 'projects_mission_published' : 'projects_mission_draft')}
          </Badge>
        ),
      },
    ];
    return selectable ? [select, ...data] : data;
  }, [t, formatDateTime, selected, selectable]);
  const table = useDataTable({
    data: missionList,
    columns,
    state: { sorting, globalFilter: search },
    onSortingChange: setSorting,
    onGlobalFilterChange: setSearch,
    globalFilterFn: matchesSearch,
    getRowId: (m) => String(m.id),
    pageSize: MISSIONS_PAGE_SIZE,
  });

  if (missions.isPending) return <Spinner label={t('projects_missions_loading')} />;
  if (missions.isError) return <ErrorState error={missions.error} onRetry={() => void missions.refetch()} />;
  const items = missions.data;
  if (items.length === 0) return <EmptyState title={t('projects_missions_empty')} />;

  const filtered = table.getFilteredRowModel().rows.map((r) => r.original);
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
  const dupRangeOk = /^\d{4}-\d{2}-\d{2}$/.test(dupFrom) && (dupTo === '' || dupTo >= dupFrom);
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
              <label className="min-w-0 max-w-full space-y-1 text-sm">
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
                <span className="block">{t('projects_duplicate_from')}</span>
                <Input size="sm" type="date" value={dupFrom} onChange={(e) => setDupFrom(e.target.value)} />
              </label>
              <label className="space-y-1 text-sm">
                <span className="block">{t('projects_duplicate_to')}</span>
                <Input size="sm" type="date" value={dupTo} min={dupFrom || undefined} onChange={(e) => setDupTo(e.target.value)} />
              </label>
              <Button
                size="sm"
                variant="secondary"
                disabled={!ids.length || !dupRangeOk || busy}
                onClick={() => {
                  reset();
                  duplicate.mutate({ missionIds: ids, from: dupFrom, to: dupTo || dupFrom }, { onSuccess: (n) => done(t('projects_done_duplicated', { count: n }))() });
                }}
              >
                {t('projects_action_duplicate')}
              </Button>
            </>
          ) : null}
        </section>
      ) : null}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <label className="space-y-1 text-sm">
          <span className="block">{t('projects_missions_search')}</span>
          <Input type="search" size="sm" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('projects_missions_search_placeholder')} className="w-72 max-w-full placeholder:italic" />
        </label>
        <p className="text-sm text-muted-foreground" aria-live="polite">
          {t('projects_missions_shown', { count: filtered.length, total: items.length })}
        </p>
      </div>
      <DataTable table={table} caption={t('projects_missions_title')} empty={t('projects_missions_no_match')} />
      <TablePagination table={table} />
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

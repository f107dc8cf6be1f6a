import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';

import { AssignmentStatusBadge } from '@/components/assignment-status-badge/assignment-status-badge';
import { Alert } from '@/components/ui/alert/alert';
import { Badge } from '@/components/ui/badge/badge';
import { Button } from '@/components/ui/button/button';
import { DataTable, useDataTable } from '@/components/ui/data-table/data-table';
import { Field } from '@/components/ui/field/field';
import { Select } from '@/components/ui/select/select';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useDescribeConflict } from '@/lib/conflict-text';
import { useLocale } from '@/lib/i18n/use-locale';
import { isRoleFull } from '@/lib/reserves';
import type { Mission } from '@/features/projects/api/get-mission';
import { useAssignmentAction, useMissionAssignmentList, type Assignment, type AssignmentInvited } from '@/features/projects/api/mission-assignments';
import type { AssignableUser } from '@/features/projects/components/project-missions-table';

const ACTIVE = new Set(['INVITED', 'ACCEPTED']);
/** Status order of the table: who still counts first. */
const STATUS_ORDER = ['ACCEPTED', 'INVITED', 'DECLINED', 'CANCELLED'];
const NO_ASSIGNMENTS: Assignment[] = [];

function DeliveryBadge({ assignment }: { assignment: Assignment }) {
  const { t } = useLocale();
  const delivery = assignment.invitation?.delivery;
  if (!delivery || assignment.status !== 'INVITED') return null;
  const variant = delivery.status === 'sent' ? 'success' : delivery.status === 'queued' ? 'neutral' : 'danger';
  return <Badge variant={variant}>{t(`planning_delivery_${delivery.status}`)}</Badge>;
}

/**
 * The assignments of a mission with their status and the delivery of their link:
 * cancel one, send its link again, or invite someone on a role (as a reserve once the
 * role is full). The rules an invitation breaks come back as warnings.
 */
export function MissionAssignmentsPanel({ mission, users, canManage }: { mission: Mission; users: AssignableUser[]; canManage: boolean }) {
  const { t, tError } = useLocale();
  const describe = useDescribeConflict();
  const list = useMissionAssignmentList(mission.id);
  const action = useAssignmentAction();
  const [userId, setUserId] = useState('');
  const [roleId, setRoleId] = useState(String(mission.roles[0]?.id ?? ''));
  const [notice, setNotice] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<AssignmentInvited['warnings']>([]);
  const names = useMemo(() => new Map(users.map((u) => [u.id, u.name])), [users]);
  const role = mission.roles.find((r) => String(r.id) === roleId);
  const full = role ? isRoleFull(role) : false;
  const busy = action.isPending;
  const columns = useMemo<ColumnDef<Assignment>[]>(() => {
    const nameOf = (a: Assignment) => names.get(a.user_id) ?? t('mission_unknown_user', { id: a.user_id });
    const reset = () => {
      setNotice(null);
      setWarnings([]);
    };
    const list: ColumnDef<Assignment>[] = [
      {
        id: 'person',
        accessorFn: (a) => nameOf(a).toLowerCase(),
        header: t('mission_col_person'),
        meta: { rowHeader: true, className: 'px-3 py-2 font-medium' },
        cell: ({ row: { original: a } }) => nameOf(a),
      },
      {
        id: 'role',
        accessorFn: (a) => a.role_name.toLowerCase(),
        header: t('field_role'),
        meta: { className: 'px-3 py-2' },
        cell: ({ row: { original: a } }) => `${a.role_name}${a.reserve ? ` (${t('dashboard_reserve')})` : ''}`,
      },
      {
        id: 'status',
        accessorFn: (a) => STATUS_ORDER.indexOf(a.status),
        sortDescFirst: false,
        header: t('projects_col_status'),
        meta: { className: 'space-x-2 px-3 py-2' },
        cell: ({ row: { original: a } }) => (
          <>
            <AssignmentStatusBadge status={a.status} />
            <DeliveryBadge assignment={a} />
            {a.decline_reason ? <span className="italic">{a.decline_reason}</span> : null}
          </>
        ),
      },
    ];
    if (canManage) {
      list.push({
        id: 'actions',
        header: t('mission_col_actions'),
        meta: { className: 'space-x-2 px-3 py-2 whitespace-nowrap' },
        cell: ({ row: { original: a } }) => {
          const name = nameOf(a);
          return (
            <>
              {a.status === 'INVITED' && a.invitation ? (
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={busy}
                  aria-label={t('mission_resend_of', { name })}
                  onClick={() => {
                    reset();
                    action.mutate({ kind: 'resend', invitationId: a.invitation!.id }, { onSuccess: () => setNotice(t('mission_resent', { name })) });
                  }}
                >
                  {t('mission_resend')}
                </Button>
              ) : null}
              {ACTIVE.has(a.status) ? (
                <Button
                  size="sm"
                  variant="danger"
                  disabled={busy}
                  aria-label={t('mission_cancel_of', { name })}
                  onClick={() => {
                    reset();
                    action.mutate({ kind: 'cancel', assignmentId: a.id }, { onSuccess: () => setNotice(t('mission_cancelled', { name })) });
                  }}
                >
                  {t('mission_cancel')}
                </Button>
              ) : null}
            </>
          );
        },
      });
    }
    return list;
  }, [t, names, canManage, busy, action]);
  const table = useDataTable({ data: list.data?.items ?? NO_ASSIGNMENTS, columns, getRowId: (a) => String(a.id) });

  if (list.isPending) return <Spinner label={t('mission_assignments_loading')} />;
  const items = list.data?.items ?? [];
  const reset = () => {
    setNotice(null);
    setWarnings([]);
  };

  return (
    <div className="space-y-3">
      {list.error ? <Alert variant="danger">{tError(list.error)}</Alert> : null}
      {action.error ? <Alert variant="danger">{tError(action.error)}</Alert> : null}
      {notice ? <Alert variant="success">{notice}</Alert> : null}
      {warnings?.length ? (
        <Alert variant="warning">
          {t('planning_warnings_title', { count: warnings.length })}
          <ul className="mt-1 list-disc pl-4">
            {warnings.map((w, i) => (
              <li key={i}>{describe(w)}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {items.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t('planning_assignments_empty')}</p>
      ) : (
        <DataTable table={table} caption={t('planning_assignments')} />
      )}
      {canManage && mission.roles.length ? (
        <fieldset className="flex flex-wrap items-end gap-3 rounded-md border border-dashed border-border p-3">
          <legend className="px-1 text-sm font-medium">{t('mission_invite_title')}</legend>
          <Field label={t('projects_assign_user')}>
            {(control) => (
              <Select {...control} size="sm" width="auto" value={userId} onChange={(e) => setUserId(e.target.value)}>
                <option value="">-</option>
                {users.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label={t('field_role')}>
            {(control) => (
              <Select {...control} size="sm" width="auto" value={roleId} onChange={(e) => setRoleId(e.target.value)}>
                {mission.roles.map((r) => (
                  <option key={r.id} value={r.id}>
                    {t('mission_role_option', { role: r.name, accepted: r.accepted, quota: r.quota })}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Button
            size="sm"
            disabled={!userId || !roleId || busy}
            onClick={() => {
              reset();
              const name = names.get(Number(userId)) ?? '';
              action.mutate(
                { kind: 'invite', missionRoleId: Number(roleId), userId: Number(userId), reserve: full },
                {
                  onSuccess: (result) => {
                    setNotice(t(full ? 'mission_invited_reserve' : 'mission_invited', { name }));
                    setWarnings((result as AssignmentInvited).warnings ?? []);
                    setUserId('');
                  },
                },
              );
            }}
          >
            {t(full ? 'mission_invite_reserve' : 'mission_invite')}
          </Button>
        </fieldset>
      ) : null}
    </div>
  );
}

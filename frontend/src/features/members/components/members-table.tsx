import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Badge } from '@/components/ui/badge/badge';
import { Button } from '@/components/ui/button/button';
import { DataTable, useDataTable } from '@/components/ui/data-table/data-table';
import { ConfirmDialog } from '@/components/ui/dialog/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state/empty-state';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Select } from '@/components/ui/select/select';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import { assignableRoles, roleKey, ROLES } from '@/lib/roles';
import type { Role } from '@/lib/roles';
import { useChangeMemberRole } from '@/features/members/api/change-member-role';
import { useMembers, type Member } from '@/features/members/api/list-members';
import { useRemoveMember } from '@/features/members/api/remove-member';

function displayName(member: Member): string {
  return [member.first_name, member.last_name].filter(Boolean).join(' ');
}

/** A colleague's address is hidden from roles without `private_data.read` (null). */
function label(member: Member): string {
  return displayName(member) || member.email || `#${member.account_id}`;
}

/** What names a member in controls and dialogs: the address when shown, else the label. */
function handle(member: Member): string {
  return member.email || label(member);
}

const NO_MEMBERS: Member[] = [];

export function MembersTable({
  canManage,
  canManageOwners,
  actorAccountId,
}: {
  /** `members.manage`: change roles, remove members */
  canManage: boolean;
  /** `owners.manage`: touch owners and make new ones */
  canManageOwners: boolean;
  actorAccountId: number;
}) {
  const { t, tError } = useLocale();
  const { formatDate } = useDates();
  const members = useMembers();
  const changeRole = useChangeMemberRole();
  const remove = useRemoveMember();
  const [removing, setRemoving] = useState<Member | null>(null);

  const columns = useMemo<ColumnDef<Member>[]>(() => {
    const list: ColumnDef<Member>[] = [
      {
        id: 'member',
        accessorFn: (member) => label(member).toLowerCase(),
        header: t('members_col_member'),
        meta: { rowHeader: true },
        cell: ({ row: { original: member } }) => {
          const name = displayName(member);
          return (
            <>
              <div className="font-medium">{label(member)}</div>
              {name && member.email ? <div className="text-muted-foreground">{member.email}</div> : null}
              {member.account_id === actorAccountId ? <Badge className="mt-1">{t('members_you')}</Badge> : null}
            </>
          );
        },
      },
      {
        id: 'role',
        // The order of ROLES: from tech to owner.
        accessorFn: (member) => ROLES.indexOf(member.role as Role),
        header: t('field_role'),
        cell: ({ row: { original: member } }) => {
          // An admin cannot touch an owner; only owners manage owners.
          const editable = canManage && (canManageOwners || member.role !== 'owner');
          if (!editable) return <Badge variant="info">{t(roleKey(member.role))}</Badge>;
          const roles = member.role === 'owner' ? ROLES : assignableRoles(canManageOwners);
          return (
            <Select
              size="sm"
              width="auto"
              aria-label={t('members_role_of', { email: handle(member) })}
              value={member.role}
              disabled={changeRole.isPending}
              onChange={(event) => {
                remove.reset();
                changeRole.mutate({ accountId: member.account_id, role: event.target.value });
              }}
            >
              {roles.map((role) => (
                <option key={role} value={role}>
                  {t(roleKey(role))}
                </option>
              ))}
            </Select>
          );
        },
      },
      {
        id: 'joined',
        accessorFn: (member) => member.joined_at,
        header: t('members_col_joined'),
        meta: { className: 'whitespace-nowrap' },
        cell: ({ row: { original: member } }) => formatDate(member.joined_at),
      },
    ];
    if (canManage) {
      list.push({
        id: 'actions',
        header: () => <span className="sr-only">{t('members_col_actions')}</span>,
        meta: { className: 'text-right' },
        cell: ({ row: { original: member } }) =>
          canManageOwners || member.role !== 'owner' ? (
            <Button
              variant="ghost"
              size="sm"
              className="text-danger"
              aria-label={t('members_remove_of', { email: handle(member) })}
              onClick={() => {
                changeRole.reset();
                remove.reset();
                setRemoving(member);
              }}
            >
              {t('members_remove')}
            </Button>
          ) : null,
      });
    }
    return list;
  }, [t, formatDate, actorAccountId, canManage, canManageOwners, changeRole, remove]);
  const table = useDataTable({
    data: members.data ?? NO_MEMBERS,
    columns,
    getRowId: (member) => String(member.account_id),
  });

  if (members.isPending) return <Spinner label={t('members_loading')} />;
  if (members.isError) return <ErrorState error={members.error} onRetry={() => void members.refetch()} />;
  if (members.data.length === 0) return <EmptyState title={t('members_empty')} />;

  const actionError = changeRole.error ?? remove.error;
  return (
    <div className="space-y-3">
      {actionError ? <Alert variant="danger">{tError(actionError)}</Alert> : null}
      <p className="text-sm text-muted-foreground">{t('members_count', { count: members.data.length })}</p>
      <DataTable table={table} caption={t('members_title')} />
      <ConfirmDialog
        open={removing !== null}
        title={t('members_remove_title')}
        description={removing ? t('members_remove_confirm', { email: handle(removing) }) : undefined}
        confirmLabel={t('members_remove')}
        cancelLabel={t('action_cancel')}
        destructive
        loading={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (!removing) return;
          remove.mutate(removing.account_id, { onSettled: () => setRemoving(null) });
        }}
      />
    </div>
  );
}

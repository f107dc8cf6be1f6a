import { useState } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Badge } from '@/components/ui/badge/badge';
import { Button } from '@/components/ui/button/button';
import { ConfirmDialog } from '@/components/ui/dialog/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state/empty-state';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Select } from '@/components/ui/select/select';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import { assignableRoles, roleKey, ROLES } from '@/lib/roles';
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

  if (members.isPending) return <Spinner label={t('members_loading')} />;
  if (members.isError) return <ErrorState error={members.error} onRetry={() => void members.refetch()} />;
  if (members.data.length === 0) return <EmptyState title={t('members_empty')} />;

  const actionError = changeRole.error ?? remove.error;
  return (
    <div className="space-y-3">
      {actionError ? <Alert variant="danger">{tError(actionError)}</Alert> : null}
      <p className="text-sm text-muted-foreground">{t('members_count', { count: members.data.length })}</p>
      {/* relative: the sr-only texts (absolutely placed) then scroll with the table, not the page. */}
      <div className="relative overflow-x-auto rounded-lg border border-border bg-surface">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t('members_title')}</caption>
          <thead className="border-b border-border bg-muted/60 text-muted-foreground">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">
                {t('members_col_member')}
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                {t('field_role')}
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                {t('members_col_joined')}
              </th>
              {canManage ? (
                <th scope="col" className="px-4 py-2 font-medium">
                  <span className="sr-only">{t('members_col_actions')}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {members.data.map((member) => {
              const name = displayName(member);
              const self = member.account_id === actorAccountId;
              // An admin cannot touch an owner; only owners manage owners.
              const editable = canManage && (canManageOwners || member.role !== 'owner');
              const roles = member.role === 'owner' ? ROLES : assignableRoles(canManageOwners);
              return (
                <tr key={member.account_id} className="border-b border-border last:border-0">
                  <th scope="row" className="px-4 py-3 text-left font-normal">
                    <div className="font-medium">{label(member)}</div>
                    {name && member.email ? <div className="text-muted-foreground">{member.email}</div> : null}
                    {self ? <Badge className="mt-1">{t('members_you')}</Badge> : null}
                  </th>
                  <td className="px-4 py-3">
                    {editable ? (
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
                    ) : (
                      <Badge variant="info">{t(roleKey(member.role))}</Badge>
                    )}
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap">{formatDate(member.joined_at)}</td>
                  {canManage ? (
                    <td className="px-4 py-3 text-right">
                      {editable ? (
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
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
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

import { useSession } from '@/app/session-context';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card/card';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/lib/i18n/use-locale';
import { can } from '@/lib/actions';
import { InviteMemberForm } from '@/features/members/components/invite-member-form';
import { MembersTable } from '@/features/members/components/members-table';
import { MfaPolicyCard, SwapPolicyCard } from '@/features/members/components/org-policy-card';
import { useRefreshMe } from '@/features/auth/api/confirm-mfa-enrolment';

export function MembersRoute() {
  const { t } = useLocale();
  const { me, org } = useSession();
  const refreshMe = useRefreshMe();
  useDocumentTitle(t('members_title'));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('members_title')}</h1>
        <p className="mt-1 text-muted-foreground">{t('members_subtitle', { org: org.name })}</p>
      </div>
      {can(me.actions, 'members.manage') ? (
        <Card>
          <CardHeader>
            <CardTitle>{t('members_invite_title')}</CardTitle>
            <CardDescription>{t('members_invite_hint')}</CardDescription>
          </CardHeader>
          <InviteMemberForm canGrantOwner={can(me.actions, 'owners.manage')} />
        </Card>
      ) : null}
      {can(me.actions, 'members.manage') ? <MfaPolicyCard onChanged={() => void refreshMe()} /> : null}
      {can(me.actions, 'members.manage') ? <SwapPolicyCard /> : null}
      <MembersTable
        canManage={can(me.actions, 'members.manage')}
        canManageOwners={can(me.actions, 'owners.manage')}
        actorAccountId={me.account.id}
      />
    </div>
  );
}

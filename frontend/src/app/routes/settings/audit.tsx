import { useSession } from '@/app/session-context';
import { EmptyState } from '@/components/ui/empty-state/empty-state';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/lib/i18n/use-locale';
import { can } from '@/lib/actions';
import { AuditLog, type AuditActorOption } from '@/features/audit/components/audit-log';
import { useMembers, type Member } from '@/features/members/api/list-members';

function actorOption(member: Member): AuditActorOption {
  const name = [member.first_name, member.last_name].filter(Boolean).join(' ');
  const email = member.email ?? `#${member.account_id}`;
  return { id: member.account_id, label: name ? `${name} (${email})` : email };
}

/** The org's audit log, for owners and admins (the menu hides it from other roles). */
export function AuditRoute() {
  const { t } = useLocale();
  const { me, org } = useSession();
  useDocumentTitle(t('audit_title'));
  const allowed = can(me.actions, 'audit.read');
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('audit_title')}</h1>
        <p className="mt-1 text-muted-foreground">{t('audit_subtitle', { org: org.name })}</p>
      </div>
      {allowed ? (
        <AuditLogWithMembers />
      ) : (
        <EmptyState title={t('audit_forbidden')} description={t('audit_forbidden_hint')} />
      )}
    </div>
  );
}

function AuditLogWithMembers() {
  const members = useMembers();
  return <AuditLog actors={(members.data ?? []).map(actorOption)} />;
}

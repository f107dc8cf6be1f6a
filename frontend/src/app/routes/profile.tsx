import { useSession } from '@/app/session-context';
import { Badge } from '@/components/ui/badge/badge';
import { Card, CardHeader, CardTitle } from '@/components/ui/card/card';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { can } from '@/lib/actions';
import { useLocale } from '@/lib/i18n/use-locale';
import { roleKey } from '@/lib/roles';
import { ChangePasswordForm } from '@/features/auth/components/change-password-form';
import { MfaPanel } from '@/features/auth/components/mfa-panel';
import { CalendarFeedPanel } from '@/features/calendar-feeds/components/calendar-feed-panel';
import { ExportDataButton } from '@/features/users/components/export-data-button';

export function ProfileRoute() {
  const { t } = useLocale();
  const { me } = useSession();
  useDocumentTitle(t('profile_title'));
  const fullName = [me.account.first_name, me.account.last_name].filter(Boolean).join(' ');
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t('profile_title')}</h1>
      <Card>
        <CardHeader>
          <CardTitle>{t('profile_account')}</CardTitle>
        </CardHeader>
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-muted-foreground">{t('field_email')}</dt>
          <dd>{me.account.email}</dd>
          <dt className="text-muted-foreground">{t('field_name')}</dt>
          <dd>{fullName || '-'}</dd>
          <dt className="text-muted-foreground">{t('profile_orgs')}</dt>
          <dd>
            <ul className="space-y-1">
              {me.orgs.map((org) => (
                <li key={org.id} className="flex items-center gap-2">
                  <span>{org.name}</span>
                  <Badge variant="info">{t(roleKey(org.role))}</Badge>
                  {org.id === me.active_org_id ? <Badge>{t('profile_active_org')}</Badge> : null}
                </li>
              ))}
            </ul>
          </dd>
        </dl>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t('profile_password')}</CardTitle>
        </CardHeader>
        <ChangePasswordForm />
      </Card>
      <MfaPanel />
      {can(me.actions, 'calendar_feeds.own') ? <CalendarFeedPanel target={{ kind: 'mine' }} /> : null}
      {can(me.actions, 'personal_data.export_own') ? (
        <Card>
          <CardHeader>
            <CardTitle>{t('privacy_my_data_title')}</CardTitle>
          </CardHeader>
          <ExportDataButton target="me" label={t('privacy_export_mine')} />
        </Card>
      ) : null}
    </div>
  );
}

import { Link } from 'react-router';

import { useSession } from '@/app/session-context';
import { Card, CardDescription, CardTitle } from '@/components/ui/card/card';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import { roleKey } from '@/lib/roles';

const linkClass = 'text-sm font-medium text-primary underline-offset-4 hover:underline';

export function HomeRoute() {
  const { t } = useLocale();
  const { formatZone } = useDates();
  const { me, org } = useSession();
  useDocumentTitle(t('nav_home'));
  const name = me.account.first_name || me.account.email;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('home_title', { name })}</h1>
        <p className="mt-1 text-muted-foreground">
          {t('home_subtitle', { org: org.name, role: t(roleKey(org.role)), zone: formatZone(org.timezone) })}
        </p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Card>
          <CardTitle>{t('nav_members')}</CardTitle>
          <CardDescription className="mt-1 mb-3">{t('home_members_hint')}</CardDescription>
          <Link to="/settings/members" className={linkClass}>
            {t('home_open_members')}
          </Link>
        </Card>
        <Card>
          <CardTitle>{t('nav_plugins')}</CardTitle>
          <CardDescription className="mt-1 mb-3">{t('home_plugins_hint')}</CardDescription>
          <Link to="/settings/plugins" className={linkClass}>
            {t('home_open_plugins')}
          </Link>
        </Card>
        <Card>
          <CardTitle>{t('nav_profile')}</CardTitle>
          <CardDescription className="mt-1 mb-3">{t('home_profile_hint')}</CardDescription>
          <Link to="/profile" className={linkClass}>
            {t('home_open_profile')}
          </Link>
        </Card>
      </div>
    </div>
  );
}

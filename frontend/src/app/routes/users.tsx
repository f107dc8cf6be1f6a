import { Link } from 'react-router';

import { useSession } from '@/app/session-context';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/lib/i18n/use-locale';
import { can } from '@/lib/actions';
import { PendingRequests } from '@/features/availability/components/pending-requests';
import { UserName } from '@/features/users/components/user-name';
import { UsersList } from '@/features/users/components/users-list';

export function UsersRoute() {
  const { t } = useLocale();
  const { me, org } = useSession();
  useDocumentTitle(t('users_title'));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t('users_title')}</h1>
          <p className="mt-1 text-muted-foreground">{t('users_subtitle', { org: org.name })}</p>
        </div>
        {can(me.actions, 'users.manage') ? (
          <Link
            to="/users/certifications"
            className="rounded-md border border-border bg-surface px-3 py-2 text-sm font-medium hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring"
          >
            {t('certifications_link')}
          </Link>
        ) : null}
      </div>
      {can(me.actions, 'availability.approve') ? <PendingRequests renderUser={(id) => <UserName userId={id} />} /> : null}
      <UsersList />
    </div>
  );
}

import { Link } from 'react-router';

import { useSession } from '@/app/session-context';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/lib/i18n/use-locale';
import { RequireAction } from '@/features/auth/components/require-action';
import { ExpiringCertifications } from '@/features/users/components/expiring-certifications';

/** /users/certifications: the certifications to renew (roles with `users.manage`). */
export function CertificationsRoute() {
  const { me } = useSession();
  return (
    <RequireAction actions={me.actions} action="users.manage">
      <Certifications />
    </RequireAction>
  );
}

function Certifications() {
  const { t } = useLocale();
  useDocumentTitle(t('certifications_title'));
  return (
    <div className="space-y-6">
      <div>
        <Link to="/users" className="text-sm text-primary underline-offset-4 hover:underline">
          {t('users_back')}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{t('certifications_title')}</h1>
        <p className="mt-1 text-muted-foreground">{t('certifications_subtitle')}</p>
      </div>
      <ExpiringCertifications />
    </div>
  );
}

import { Link, useSearchParams } from 'react-router';

import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/lib/i18n/use-locale';
import { ResetPasswordForm } from '@/features/auth/components/reset-password-form';

/** Target of the emailed link: /reset-password?token=... */
export function ResetPasswordRoute() {
  const { t } = useLocale();
  const [params] = useSearchParams();
  useDocumentTitle(t('reset_title'));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="mb-1 text-2xl font-semibold">{t('reset_title')}</h1>
        <p className="text-sm text-muted-foreground">{t('reset_subtitle')}</p>
      </div>
      <ResetPasswordForm token={params.get('token')} />
      <p className="text-center text-sm">
        <Link to="/login" className="text-primary underline-offset-4 hover:underline">
          {t('reset_go_to_login')}
        </Link>
      </p>
    </div>
  );
}

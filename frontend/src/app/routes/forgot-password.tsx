import { Link } from 'react-router';

import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/lib/i18n/use-locale';
import { ForgotPasswordForm } from '@/features/auth/components/forgot-password-form';

export function ForgotPasswordRoute() {
  const { t } = useLocale();
  useDocumentTitle(t('reset_request_title'));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="mb-1 text-2xl font-semibold">{t('reset_request_title')}</h1>
        <p className="text-sm text-muted-foreground">{t('reset_request_subtitle')}</p>
      </div>
      <ForgotPasswordForm />
      <p className="text-center text-sm">
        <Link to="/login" className="text-primary underline-offset-4 hover:underline">
          {t('reset_go_to_login')}
        </Link>
      </p>
    </div>
  );
}

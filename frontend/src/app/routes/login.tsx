import { useNavigate, useSearchParams } from 'react-router';

import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/lib/i18n/use-locale';
import { LoginForm } from '@/features/auth/components/login-form';
import { RedirectIfAuthenticated } from '@/features/auth/components/require-auth';

/** Only same-app paths: an absolute or protocol-relative `next` would be an open redirect. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginRoute() {
  const { t } = useLocale();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  useDocumentTitle(t('login_title'));
  return (
    <RedirectIfAuthenticated>
      <h1 className="mb-1 text-2xl font-semibold">{t('login_title')}</h1>
      <p className="mb-6 text-sm text-muted-foreground">{t('login_subtitle')}</p>
      <LoginForm onSuccess={() => navigate(safeNext(params.get('next')), { replace: true })} />
    </RedirectIfAuthenticated>
  );
}

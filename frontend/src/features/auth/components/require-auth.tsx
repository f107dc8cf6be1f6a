import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';

import { ErrorState } from '@/components/ui/error-state/error-state';
import { Spinner } from '@/components/ui/spinner/spinner';
import { isApiError } from '@/lib/api/api-error';
import { CSRF_COOKIE, readCookie } from '@/lib/api/client';
import { useLocale } from '@/lib/i18n/use-locale';
import { meQueryOptions, type Me } from '@/features/auth/api/get-me';

/** Route guard: renders its children with the session, or sends the visitor to login. */
export function RequireAuth({ children }: { children: (me: Me) => ReactNode }) {
  // The router may have asked already (app/router.tsx): a session it found over is not
  // asked again, the visitor goes to login.
  const me = useQuery({ ...meQueryOptions(), retryOnMount: false });
  const location = useLocation();
  const { t } = useLocale();

  if (me.isPending) {
    return (
      <div className="flex min-h-screen items-center justify-center">
        <Spinner size="lg" label={t('loading')} />
      </div>
    );
  }
  if (me.isError) {
    if (isApiError(me.error) && me.error.status === 401) {
      const next = encodeURIComponent(location.pathname + location.search);
      return <Navigate to={`/login?next=${next}`} replace />;
    }
    return (
      <main className="mx-auto max-w-lg p-8">
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </main>
    );
  }
  return <>{children(me.data)}</>;
}

/**
 * Route guard for public pages: a signed-in visitor goes straight to the app.
 * The CSRF cookie (readable, as long-lived as the refresh cookie) says whether a
 * session may exist: without it, asking /auth/me would only earn a 401.
 */
export function RedirectIfAuthenticated({ children }: { children: ReactNode }) {
  const mayBeSignedIn = readCookie(CSRF_COOKIE) !== undefined;
  const me = useQuery({ ...meQueryOptions(), enabled: mayBeSignedIn });
  const { t } = useLocale();
  if (!mayBeSignedIn) return <>{children}</>;
  if (me.isPending) {
    return (
      <div className="flex min-h-screen items-center justify-center">
        <Spinner size="lg" label={t('loading')} />
      </div>
    );
  }
  if (me.isSuccess) return <Navigate to="/" replace />;
  return <>{children}</>;
}

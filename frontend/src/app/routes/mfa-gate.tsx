import { lazy, Suspense } from 'react';

import { Button } from '@/components/ui/button/button';
import { LanguageSwitcher } from '@/components/language-switcher/language-switcher';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/lib/i18n/use-locale';
import type { Me } from '@/features/auth/api/get-me';
import { useLogout } from '@/features/auth/api/logout';

// Its own chunk, with the form library: most sessions never see this gate, and the shell
// that renders it is in the first load.
const MfaPanel = lazy(async () => ({ default: (await import('@/features/auth/components/mfa-panel')).MfaPanel }));

/**
 * What an owner or admin sees while the org requires two-step verification and they have
 * none: the API answers 403 auth.mfa_enrolment_required everywhere else, so the shell (and
 * its queries) waits until they enrol.
 */
export function MfaGate({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  const { t } = useLocale();
  const logout = useLogout(onSignedOut);
  useDocumentTitle(t('mfa_gate_title'));
  return (
    <div className="min-h-screen bg-background px-4 py-6 md:py-10">
      <main id="main" className="mx-auto max-w-2xl space-y-6">
        <header className="flex flex-wrap items-center justify-between gap-3">
          <span className="font-semibold text-primary">Coulisses Crew</span>
          <div className="flex items-center gap-3">
            <LanguageSwitcher />
            <Button variant="secondary" size="sm" loading={logout.isPending} onClick={() => logout.mutate()}>
              {t('logout')}
            </Button>
          </div>
        </header>
        <div>
          <h1 className="text-2xl font-semibold">{t('mfa_gate_title')}</h1>
          <p className="mt-1 text-muted-foreground">{t('mfa_gate_hint')}</p>
          <p className="mt-1 text-sm break-all text-muted-foreground">{me.account.email}</p>
        </div>
        <Suspense fallback={<Spinner label={t('loading')} />}>
          <MfaPanel />
        </Suspense>
      </main>
    </div>
  );
}

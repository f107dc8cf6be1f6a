import { Outlet } from 'react-router';

import { LanguageSwitcher } from '@/components/language-switcher/language-switcher';
import { useLocale } from '@/lib/i18n/use-locale';

/** Public pages (login, password reset): a centred card, no session needed. */
export function AuthLayout() {
  const { t } = useLocale();
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex items-center justify-between px-6 py-4">
        <p className="text-lg font-semibold text-primary">Coulisses Crew</p>
        <LanguageSwitcher />
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 pt-8 pb-16 sm:pt-16">
        <div className="w-full max-w-md rounded-lg border border-border bg-surface p-8 shadow-sm">
          <Outlet />
        </div>
      </main>
      <footer className="px-6 py-4 text-center text-xs text-muted-foreground">{t('app_tagline')}</footer>
    </div>
  );
}

import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation, useMatch, useNavigate } from 'react-router';

import { MAIN_NAV, SETTINGS_NAV, visibleNav } from '@/app/nav';
import type { SessionContext } from '@/app/session-context';
import { LanguageSwitcher } from '@/components/language-switcher/language-switcher';
import { Button } from '@/components/ui/button/button';
import { EmptyState } from '@/components/ui/empty-state/empty-state';
import { cn } from '@/lib/cn';
import { DEFAULT_TIMEZONE, TimeZoneProvider } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import { activeOrg, type Me } from '@/features/auth/api/get-me';
import { useLogout } from '@/features/auth/api/logout';
import { OrgSwitcher } from '@/features/auth/components/org-switcher';
import { RequireAuth } from '@/features/auth/components/require-auth';
import { useSilentRefresh } from '@/features/auth/hooks/use-silent-refresh';
import { NotificationsBell } from '@/features/notifications/components/notifications-bell';
import { DeliveryFailedNotices } from '@/features/planning/components/delivery-failed-notices';
import { usePluginMenuEntries } from '@/features/plugins/hooks/use-plugin-menu-entries';

/** The signed-in shell: navigation, org switcher, account menu; screens render in <main>. */
export function AppLayout() {
  return <RequireAuth>{(me) => <Shell me={me} />}</RequireAuth>;
}

const NOTIFICATIONS_PLUGIN = 'notifications';

const navLinkClass = ({ isActive }: { isActive: boolean }) =>
  cn(
    'block rounded-md px-3 py-2 text-sm font-medium transition-colors hover:bg-muted',
    isActive ? 'bg-muted text-primary' : 'text-foreground',
  );

function Shell({ me }: { me: Me }) {
  const { t } = useLocale();
  const org = activeOrg(me);
  const location = useLocation();
  const navigate = useNavigate();
  // The planning takes the whole width (a timeline reads better wide); other pages keep a reading width.
  const wide = useMatch('/planning') !== null;
  const logout = useLogout();
  const pluginEntries = usePluginMenuEntries();
  const mainEntries = pluginEntries.filter((entry) => entry.section === 'main');
  const settingsEntries = pluginEntries.filter((entry) => entry.section === 'settings');
  const notificationsEnabled = pluginEntries.some((entry) => entry.plugin === NOTIFICATIONS_PLUGIN);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  useSilentRefresh();

  // After a client-side navigation, move focus to the new content (as a page load would).
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [location.pathname]);

  const context: SessionContext | null = org ? { me, org } : null;
  return (
    <TimeZoneProvider timeZone={org?.timezone ?? DEFAULT_TIMEZONE}>
      <a
        href="#main"
        className="sr-only rounded-md bg-surface px-4 py-2 focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50"
      >
        {t('skip_to_content')}
      </a>
      <div className="flex min-h-screen flex-col md:flex-row">
        <aside className="border-b border-border bg-surface md:w-60 md:shrink-0 md:border-r md:border-b-0">
          <div className="px-5 py-4 text-lg font-semibold text-primary">Coulisses Crew</div>
          <nav aria-label={t('nav_label')} className="space-y-6 px-3 pb-6">
            <ul className="space-y-1">
              <li>
                <NavLink to="/" end className={navLinkClass}>
                  {t('nav_home')}
                </NavLink>
              </li>
              {visibleNav(MAIN_NAV, me.actions).map((entry) => (
                <li key={entry.to}>
                  <NavLink to={entry.to} className={navLinkClass}>
                    {t(entry.label)}
                  </NavLink>
                </li>
              ))}
              {mainEntries.map((entry) => (
                <li key={entry.to}>
                  <NavLink to={entry.to} className={navLinkClass}>
                    {entry.label}
                  </NavLink>
                </li>
              ))}
            </ul>
            <div>
              <p id="nav-settings" className="px-3 pb-1 text-xs font-semibold tracking-wide text-muted-foreground uppercase">
                {t('nav_settings')}
              </p>
              <ul aria-labelledby="nav-settings" className="space-y-1">
                {visibleNav(SETTINGS_NAV, me.actions).map((entry) => (
                  <li key={entry.to}>
                    <NavLink to={entry.to} className={navLinkClass}>
                      {t(entry.label)}
                    </NavLink>
                  </li>
                ))}
                <li>
                  <NavLink to="/profile" className={navLinkClass}>
                    {t('nav_profile')}
                  </NavLink>
                </li>
                {settingsEntries.map((entry) => (
                  <li key={entry.to}>
                    <NavLink to={entry.to} className={navLinkClass}>
                      {entry.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          </nav>
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="flex flex-wrap items-center justify-between gap-4 border-b border-border bg-surface px-6 py-3">
            <OrgSwitcher me={me} onSwitched={() => navigate('/')} />
            <div className="flex flex-wrap items-center gap-4">
              {notificationsEnabled ? <NotificationsBell /> : null}
              <LanguageSwitcher />
              <span className="text-sm text-muted-foreground">{me.account.email}</span>
              <Button
                variant="secondary"
                size="sm"
                loading={logout.isPending}
                onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
              >
                {t('logout')}
              </Button>
            </div>
          </header>
          <main id="main" ref={mainRef} tabIndex={-1} className={cn('flex-1 px-6 outline-none', wide ? 'py-4' : 'py-8')}>
            <div className={wide ? 'mx-auto' : 'mx-auto max-w-5xl'}>
              {context ? <DeliveryFailedNotices accountId={me.account.id} /> : null}
              {context ? (
                <Outlet context={context} />
              ) : (
                <EmptyState title={t('org_none')} description={t('org_none_hint')} />
              )}
            </div>
          </main>
        </div>
      </div>
    </TimeZoneProvider>
  );
}

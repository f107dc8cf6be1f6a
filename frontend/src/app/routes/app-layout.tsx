import { useEffect, useId, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation, useMatch, useNavigate } from 'react-router';

import { MAIN_NAV, SETTINGS_NAV, visibleNav } from '@/app/nav';
import { MfaGate } from '@/app/routes/mfa-gate';
import type { SessionContext } from '@/app/session-context';
import { LanguageSwitcher } from '@/components/language-switcher/language-switcher';
import { Button } from '@/components/ui/button/button';
import { Drawer } from '@/components/ui/drawer/drawer';
import { EmptyState } from '@/components/ui/empty-state/empty-state';
import { can } from '@/lib/actions';
import { cn } from '@/lib/cn';
import { DEFAULT_TIMEZONE, TimeZoneProvider } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import { activeOrg, type Me } from '@/features/auth/api/get-me';
import { useLogout } from '@/features/auth/api/logout';
import { OrgSwitcher } from '@/features/auth/components/org-switcher';
import { RequireAuth } from '@/features/auth/components/require-auth';
import { useSilentRefresh } from '@/features/auth/hooks/use-silent-refresh';
import { useMyPlanning } from '@/features/planning/api/get-my-planning';
import { DeliveryFailedNotices } from '@/features/planning/components/delivery-failed-notices';
import { useFrontendManifest } from '@/features/plugins/api/get-frontend-manifest';
import { PluginWidgetSlot } from '@/features/plugins/components/plugin-widgets';
import { usePluginMenuEntries, type PluginMenuEntry } from '@/features/plugins/hooks/use-plugin-menu-entries';
import { findPluginPage } from '@/features/plugins/utils/find-plugin-page';

/**
 * The signed-in shell: navigation, org switcher, account menu; screens render in <main>.
 * From the md breakpoint the navigation is a sidebar; on a phone it is a drawer
 * opened by the menu button, and the account controls move into it.
 */
export function AppLayout() {
  const navigate = useNavigate();
  return (
    <RequireAuth>
      {(me) =>
        me.mfa_enrolment_required ? (
          <MfaGate me={me} onSignedOut={() => navigate('/login', { replace: true })} />
        ) : (
          <Shell me={me} />
        )
      }
    </RequireAuth>
  );
}

const DRAWER_ID = 'app-drawer';

const navLinkClass = ({ isActive }: { isActive: boolean }) =>
  cn(
    'block rounded-md px-3 py-2 text-sm font-medium transition-colors hover:bg-muted',
    isActive ? 'bg-muted text-primary' : 'text-foreground',
  );

interface NavProps {
  me: Me;
  mainEntries: PluginMenuEntry[];
  settingsEntries: PluginMenuEntry[];
  /** Called when a link is followed (the drawer closes). */
  onNavigate?: () => void;
}

function AppNav({ me, mainEntries, settingsEntries, onNavigate }: NavProps) {
  const { t } = useLocale();
  const settingsId = useId();
  return (
    <nav aria-label={t('nav_label')} className="space-y-6 px-3 pb-6">
      <ul className="space-y-1">
        <li>
          <NavLink to="/" end className={navLinkClass} onClick={onNavigate}>
            {t('nav_home')}
          </NavLink>
        </li>
        {visibleNav(MAIN_NAV, me.actions).map((entry) => (
          <li key={entry.to}>
            <NavLink to={entry.to} className={navLinkClass} onClick={onNavigate}>
              {t(entry.label)}
            </NavLink>
          </li>
        ))}
        {mainEntries.map((entry) => (
          <li key={entry.to}>
            <NavLink to={entry.to} className={navLinkClass} onClick={onNavigate}>
              {entry.label}
            </NavLink>
          </li>
        ))}
      </ul>
      <div>
        <p id={settingsId} className="px-3 pb-1 text-xs font-semibold tracking-wide text-muted-foreground uppercase">
          {t('nav_settings')}
        </p>
        <ul aria-labelledby={settingsId} className="space-y-1">
          {visibleNav(SETTINGS_NAV, me.actions).map((entry) => (
            <li key={entry.to}>
              <NavLink to={entry.to} className={navLinkClass} onClick={onNavigate}>
                {t(entry.label)}
              </NavLink>
            </li>
          ))}
          <li>
            <NavLink to="/profile" className={navLinkClass} onClick={onNavigate}>
              {t('nav_profile')}
            </NavLink>
          </li>
          {settingsEntries.map((entry) => (
            <li key={entry.to}>
              <NavLink to={entry.to} className={navLinkClass} onClick={onNavigate}>
                {entry.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}

function Shell({ me }: { me: Me }) {
  const { t } = useLocale();
  const org = activeOrg(me);
  const location = useLocation();
  const navigate = useNavigate();
  // The planning takes the whole width (a timeline reads better wide), and so do the plugin
  // pages that ask for it (PluginPage.wide); other pages keep a reading width.
  const manifest = useFrontendManifest();
  const pluginPage = manifest.data ? findPluginPage(manifest.data.menu, location.pathname) : undefined;
  const wide = useMatch('/planning') !== null || pluginPage?.wide === true;
  const logout = useLogout(() => navigate('/login', { replace: true }));
  const pluginEntries = usePluginMenuEntries();
  const mainEntries = pluginEntries.filter((entry) => entry.section === 'main');
  const settingsEntries = pluginEntries.filter((entry) => entry.section === 'settings');
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const [drawerOpen, setDrawerOpen] = useState(false);
  useSilentRefresh();
  // Kept synced for the planning screen without network (lib/offline-cache.ts).
  useMyPlanning(org?.timezone ?? DEFAULT_TIMEZONE, !!org && can(me.actions, 'planning.read'));

  // After a client-side navigation, move focus to the new content (as a page load would).
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [location.pathname]);

  const signOut = () => logout.mutate();
  const closeDrawer = () => setDrawerOpen(false);
  const nav = { me, mainEntries, settingsEntries };

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
        <aside className="hidden border-r border-border bg-surface md:block md:w-60 md:shrink-0">
          <div className="px-5 py-4 text-lg font-semibold text-primary">Coulisses Crew</div>
          <AppNav {...nav} />
        </aside>
        <Drawer
          id={DRAWER_ID}
          open={drawerOpen}
          title="Coulisses Crew"
          closeLabel={t('nav_menu_close')}
          onClose={closeDrawer}
        >
          {/* Rendered only while open: a closed drawer holds no second copy of the controls. */}
          {drawerOpen ? (
            <>
              <AppNav {...nav} onNavigate={closeDrawer} />
              <div className="mt-auto space-y-4 border-t border-border px-5 py-4">
                <OrgSwitcher me={me} onSwitched={() => navigate('/')} />
                <LanguageSwitcher />
                <p className="text-sm break-all text-muted-foreground">{me.account.email}</p>
                <Button variant="secondary" size="sm" className="w-full" loading={logout.isPending} onClick={signOut}>
                  {t('logout')}
                </Button>
              </div>
            </>
          ) : null}
        </Drawer>
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="flex items-center justify-between gap-2 border-b border-border bg-surface px-3 py-2 md:flex-wrap md:gap-4 md:px-6 md:py-3">
            <div className="flex min-w-0 items-center gap-2">
              <button
                type="button"
                className="inline-flex size-10 items-center justify-center rounded-md hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring md:hidden"
                aria-label={t('nav_menu_open')}
                aria-haspopup="dialog"
                aria-expanded={drawerOpen}
                aria-controls={drawerOpen ? DRAWER_ID : undefined}
                onClick={() => setDrawerOpen(true)}
              >
                <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="2">
                  <path d="M4 6h16M4 12h16M4 18h16" />
                </svg>
              </button>
              <span className="truncate font-semibold text-primary md:hidden">Coulisses Crew</span>
              <div className="hidden md:block">
                <OrgSwitcher me={me} onSwitched={() => navigate('/')} />
              </div>
            </div>
            <div className="flex items-center gap-4">
              {/* Widgets of the enabled plugins (e.g. a notification bell), on a phone too. */}
              <PluginWidgetSlot slot="header" className="flex items-center gap-2" />
              <div className="hidden items-center gap-4 md:flex">
                <LanguageSwitcher />
                <span className="text-sm text-muted-foreground">{me.account.email}</span>
                <Button variant="secondary" size="sm" loading={logout.isPending} onClick={signOut}>
                  {t('logout')}
                </Button>
              </div>
            </div>
          </header>
          <main
            id="main"
            ref={mainRef}
            tabIndex={-1}
            className={cn('min-w-0 flex-1 px-4 outline-none md:px-6', wide ? 'py-4' : 'py-6 md:py-8')}
          >
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

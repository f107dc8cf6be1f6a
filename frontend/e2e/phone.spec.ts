/**
 * The app on a phone (issue 10, "Phone" and "Other defects seen"): every screen fits
 * 390 px without horizontal scrolling and passes axe, the navigation is a drawer,
 * the console stays clean (no HydrateFallback warning, no failed request on the
 * login page, the live stream closed cleanly), and a tech answers an invitation
 * from its notification.
 */
import type { ConsoleMessage, Page, Request, Response } from '@playwright/test';

import { text as notificationsText, type TextKey } from '../../plugins/notifications/frontend/src/catalog';

import { ApiSession, createMission, createTechAccount, createUser, inDays, invite } from './crew-api';
import { expect, expectAccessible, fr, login, msg, navLink, signup, snapshot, test, uniqueEmail } from './support';

/** The notifications plugin's own words (French), from its catalog. */
const notif = (key: TextKey) => notificationsText('fr', key);

const PHONE = { width: 390, height: 844 };

/** Console warnings and errors, failed requests and 4xx/5xx answers of a page, as it runs. */
function watch(page: Page) {
  const console: string[] = [];
  const failed: string[] = [];
  const refused: string[] = [];
  trackApiReads(page);
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'warning' || message.type() === 'error') console.push(message.text());
  });
  page.on('requestfailed', (request: Request) => failed.push(`${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('response', (response: Response) => {
    if (response.status() >= 400) refused.push(`${response.status()} ${response.url()}`);
  });
  return { console, failed, refused };
}

/** API reads in flight per page (the live stream aside): a screen is read once they answered. */
const inFlight = new WeakMap<Page, Set<Request>>();

function trackApiReads(page: Page): Set<Request> {
  let pending = inFlight.get(page);
  if (pending) return pending;
  const reads = new Set<Request>();
  const isRead = (request: Request) => request.url().includes('/api/') && !request.url().includes('/api/v1/events');
  page.on('request', (request) => {
    if (isRead(request)) reads.add(request);
  });
  page.on('requestfinished', (request) => reads.delete(request));
  page.on('requestfailed', (request) => reads.delete(request));
  inFlight.set(page, reads);
  pending = reads;
  return pending;
}

/** Waits until the screen has its title, no loading spinner left and no API read in flight
 * (leaving earlier would abort them: a reader does not leave a screen that is still loading). */
async function settled(page: Page): Promise<void> {
  const pending = trackApiReads(page);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.locator('[role="status"] .animate-spin')).toHaveCount(0);
  await expect.poll(() => pending.size).toBe(0);
}

async function expectNoHorizontalScroll(page: Page, screen: string): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  expect.soft(widths.scroll, `${screen} scrolls sideways at ${widths.inner} px`).toBeLessThanOrEqual(widths.inner);
}

test.describe('phone', () => {
  test.use({ viewport: PHONE });

  test('every screen fits 390 px, passes axe and keeps the console clean; the menu is a drawer', async ({ page }) => {
    const owner = await signup('phone');
    const api = await ApiSession.login(owner);
    await api.patch('/api/v1/orgs/current/plugins/notifications', { enabled: true });
    // Data as integrations send it: unbroken long words must wrap, not widen the page.
    const project = await api.post<{ id: number }>('/api/v1/projects', {
      name: 'Festival 2027 au telephone',
      description: 'Fichetechniquecompletedudispositifscenographiquesuspenduavecprojectionsetaccroches',
    });
    const mission = await createMission(
      api,
      project.id,
      'Montage-exceptionnel-du-dispositif-scenographique-suspendu-et-des-projections',
      inDays(2, 17),
      inDays(2, 23),
    );
    const user = await createUser(api, 'Gaelle', 'Masson-Delacroix-De-La-Fontaine-Montmorency', {
      email: uniqueEmail('gaelle.masson-delacroix-delafontainemontmorency.regie-technique'),
    });
    await invite(api, mission.roleId, user.id);
    await api.dispose();

    const seen = watch(page);
    await login(page, owner);

    const screens: [string, string][] = [
      ['home', '/'],
      ['planning', '/planning'],
      ['projects', '/projects'],
      ['project-new', '/projects/new'],
      ['project-detail', `/projects/${project.id}`],
      ['mission-detail', `/missions/${mission.missionId}`],
      ['places', '/places'],
      ['my-missions', '/my-missions'],
      ['users', '/users'],
      ['user-detail', `/users/${user.id}`],
      ['certifications', '/users/certifications'],
      ['conflicts', '/conflicts'],
      ['notifications', '/plugins/notifications/inbox'],
      ['notification-settings', '/plugins/notifications/preferences'],
      ['members', '/settings/members'],
      ['plugins', '/settings/plugins'],
      ['audit', '/settings/audit'],
      ['profile', '/profile'],
      ['not-found', '/no-such-screen'],
    ];
    for (const [name, path] of screens) {
      await page.goto(path);
      await settled(page);
      await expectNoHorizontalScroll(page, name);
      await expectAccessible(page, `${name} at 390 px`);
      await snapshot(page, `phone-${name}`);
    }

    // The sidebar is gone; the menu button opens the navigation in a modal drawer.
    await page.goto('/');
    await settled(page);
    await expect(page.getByRole('navigation', { name: fr.nav_label })).toHaveCount(0);
    const menu = page.getByRole('button', { name: fr.nav_menu_open });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await menu.click();
    const drawer = page.getByRole('dialog', { name: 'Coulisses Crew' });
    await expect(drawer).toBeVisible();
    // While the modal is open the page behind is hidden from assistive technology (aria-hidden).
    await expect(page.getByRole('button', { name: fr.nav_menu_open, includeHidden: true })).toHaveAttribute('aria-expanded', 'true');
    await expectAccessible(page, 'drawer at 390 px');
    await snapshot(page, 'phone-drawer');
    // Focus stays inside the drawer however far one tabs.
    for (let i = 0; i < 30; i += 1) {
      await page.keyboard.press('Tab');
      expect(await drawer.evaluate((node) => node.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await expect(menu).toBeFocused();
    await menu.click();
    await navLink(page, fr.nav_projects).click();
    await expect(drawer).toBeHidden();
    await expect(page).toHaveURL(/\/projects$/);
    await expect(page.getByRole('heading', { level: 1, name: fr.projects_title })).toBeVisible();
    // The account controls live in the drawer on a phone.
    await menu.click();
    await expect(drawer.getByRole('button', { name: fr.logout })).toBeVisible();
    await drawer.getByRole('button', { name: fr.nav_menu_close }).click();
    await expect(drawer).toBeHidden();

    // The bell's panel fits the phone too.
    await page.getByRole('banner').getByRole('button', { name: /notification/i }).click();
    const panel = page.getByRole('region', { name: notif('title') });
    await expect(panel.getByRole('link', { name: notif('see_all') })).toBeVisible();
    await expectNoHorizontalScroll(page, 'bell panel');
    await expectAccessible(page, 'bell panel at 390 px');
    await snapshot(page, 'phone-bell');
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();

    expect(seen.console.filter((text) => text.includes('HydrateFallback'))).toEqual([]);
    // No request failed on the network. A read the page itself cancels by navigating
    // (the live stream at each navigation, see the next test; a periodic refresh in flight)
    // is reported as net::ERR_ABORTED: not a failure. Refused answers are checked apart.
    expect(seen.failed.filter((line) => !line.endsWith('net::ERR_ABORTED'))).toEqual([]);
    expect(seen.refused).toEqual([]);
  });

  test('public screens fit 390 px; the login page asks nothing that fails', async ({ page }) => {
    const seen = watch(page);
    const asked: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await page.goto('/login');
    await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
    await expectNoHorizontalScroll(page, 'login');
    await expectAccessible(page, 'login at 390 px');
    await snapshot(page, 'phone-login');
    expect(asked.filter((path) => path.startsWith('/api/'))).toEqual([]);
    expect(seen.refused).toEqual([]);
    expect(seen.failed).toEqual([]);

    for (const [name, path] of [
      ['forgot-password', '/forgot-password'],
      ['reset-password', '/reset-password?token=nope'],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await expectNoHorizontalScroll(page, name);
      await expectAccessible(page, `${name} at 390 px`);
      await snapshot(page, `phone-${name}`);
    }
    expect(seen.console.filter((text) => text.includes('HydrateFallback'))).toEqual([]);
  });
});

test('leaving a page with a live stream closes it cleanly', async ({ page }) => {
  const owner = await signup('live-close');
  // Counts the streams the page closes itself (kept across its navigations).
  await page.addInitScript(() => {
    const close = EventSource.prototype.close;
    EventSource.prototype.close = function closeAndCount(this: EventSource) {
      sessionStorage.setItem('e2e-closed-streams', String(Number(sessionStorage.getItem('e2e-closed-streams') ?? 0) + 1));
      close.call(this);
    };
  });
  const closed = () => page.evaluate(() => Number(sessionStorage.getItem('e2e-closed-streams') ?? 0));
  const seen = watch(page);
  await login(page, owner);
  // The shared stream opens with the shell (the planning listens to it too)...
  const stream = page.waitForRequest((request) => new URL(request.url()).pathname === '/api/v1/events');
  await page.goto('/planning');
  await stream;
  await settled(page);
  const before = await closed();
  // ...and a full navigation, a reload and a logout each close it from the page.
  await page.goto('/projects');
  await settled(page);
  expect(await closed()).toBeGreaterThan(before);
  const afterNavigation = await closed();
  await page.reload();
  await settled(page);
  expect(await closed()).toBeGreaterThan(afterNavigation);
  const afterReload = await closed();
  await page.getByRole('button', { name: fr.logout }).click();
  await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
  expect(await closed()).toBeGreaterThan(afterReload);
  // The network log shows each of them cut by the page (Chromium names any cut
  // response ERR_ABORTED), never more than the page closed; the console stays clean.
  const cutStreams = seen.failed.filter((line) => line.includes('/api/v1/events'));
  expect(cutStreams.length).toBeLessThanOrEqual(await closed());
  expect(seen.refused).toEqual([]);
  expect(seen.console).toEqual([]);
  expect(seen.refused, 'no request without a session after logout').toEqual([]);
});

test('a tech accepts an invitation from its notification', async ({ page }) => {
  const owner = await signup('notified');
  const api = await ApiSession.login(owner);
  await api.patch('/api/v1/orgs/current/plugins/notifications', { enabled: true });
  const tech = await createTechAccount(api, owner, 'tech-noe');
  const user = await createUser(api, 'Noe', 'Garnier', { account_id: tech.accountId });
  const project = await api.post<{ id: number }>('/api/v1/projects', { name: 'Festival notifie' });
  const mission = await createMission(api, project.id, 'Balance Cloitre', inDays(4, 9), inDays(4, 13));
  const assignment = await invite(api, mission.roleId, user.id);
  const second = await createMission(api, project.id, 'Demontage Cour', inDays(6, 22), inDays(6, 23));
  const secondAssignment = await invite(api, second.roleId, user.id);

  await login(page, tech);
  await page.goto('/plugins/notifications/inbox');
  const accept = page.getByRole('button', { name: /^Accepter : .*Balance Cloitre/ });
  // The notification is written by a background job: the live stream (or a reload) brings it.
  await expect(async () => {
    await page.reload();
    await expect(accept).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  const item = page.getByRole('listitem').filter({ has: accept });
  await expect(item).not.toContainText('accepter');
  await expect(item).not.toContainText('boutons');
  await expectAccessible(page, 'notification with answer buttons');
  await snapshot(page, 'notifications-invitation');

  await accept.click();
  await expect(page.getByText(notif('answer_accepted'))).toBeVisible();
  await expect(accept).toHaveCount(0);
  const answered = await api.get<{ status: string }>(`/api/v1/assignments/${assignment.id}`);
  expect(answered.status).toBe('ACCEPTED');

  // The header bell answers too, in its panel of the newest notifications.
  const bell = page.getByRole('banner').getByRole('button', { name: /notification/i });
  await bell.click();
  const panel = page.getByRole('region', { name: notif('title') });
  const acceptSecond = panel.getByRole('button', { name: /^Accepter : .*Demontage Cour/ });
  await expect(acceptSecond).toBeVisible();
  await expect(panel.getByRole('button', { name: /^Accepter : .*Balance Cloitre/ })).toHaveCount(0);
  await expectAccessible(page, 'notifications bell panel');
  await acceptSecond.click();
  await expect(panel.getByText(notif('answer_accepted'))).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  expect((await api.get<{ status: string }>(`/api/v1/assignments/${secondAssignment.id}`)).status).toBe('ACCEPTED');
  await api.dispose();

  await page.goto('/my-missions');
  const upcoming = page.getByRole('region', { name: new RegExp(`^${fr.my_missions_section_upcoming}`) });
  await expect(upcoming.getByRole('heading', { name: 'Balance Cloitre' })).toBeVisible();
  await expect(page.getByText(msg('my_missions_hours_week'))).toBeVisible();
});

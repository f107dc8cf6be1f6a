/**
 * The installable app (issue 10, "Phone"): a web manifest with its icons, a service
 * worker, and My Missions readable offline from the last sync, forgotten at logout.
 */
import { ApiSession, createMission, createTechAccount, createUser, inDays, invite } from './crew-api';
import { expect, expectAccessible, fr, login, signup, snapshot, test } from './support';

const OFFLINE_CACHE_KEY = 'coulisses-offline-cache';

interface Manifest {
  name: string;
  short_name: string;
  start_url: string;
  display: string;
  theme_color: string;
  icons: { src: string; sizes: string; type: string; purpose?: string }[];
}

test('the app is installable: manifest, icons and a service worker', async ({ page, request }) => {
  await page.goto('/login');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const response = await request.get(href!);
  expect(response.ok()).toBeTruthy();
  const manifest = (await response.json()) as Manifest;
  expect(manifest).toMatchObject({ name: 'Coulisses Crew', start_url: '/', display: 'standalone', theme_color: '#7a1f2b' });
  expect(manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`).sort()).toEqual([
    '192x192 any',
    '512x512 any',
    '512x512 maskable',
  ]);
  for (const icon of manifest.icons) {
    const image = await request.get(icon.src);
    expect(image.ok(), icon.src).toBeTruthy();
    expect(image.headers()['content-type']).toBe('image/png');
  }
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state)).toBe('activated');
});

test('my missions stay readable offline from the last sync, and are forgotten at logout', async ({ page, context }) => {
  test.slow(); // installing the service worker may take a second visit (below)
  await page.setViewportSize({ width: 390, height: 844 });
  const owner = await signup('offline');
  const api = await ApiSession.login(owner);
  const tech = await createTechAccount(api, owner, 'tech-offline');
  const user = await createUser(api, 'Ines', 'Roche', { account_id: tech.accountId });
  const project = await api.post<{ id: number }>('/api/v1/projects', { name: 'Festival hors ligne' });
  const soon = await createMission(api, project.id, 'Montage Chapiteau', inDays(2, 7), inDays(2, 12));
  const later = await createMission(api, project.id, 'Exploitation Cloitre', inDays(9, 17), inDays(9, 22));
  await invite(api, soon.roleId, user.id);
  await invite(api, later.roleId, user.id);
  await api.dispose();

  await login(page, tech);
  await page.goto('/my-missions');
  const pending = page.getByRole('region', { name: new RegExp(`^${fr.my_missions_section_pending}`) });
  await expect(pending.getByRole('heading', { name: 'Montage Chapiteau' })).toBeVisible();
  await expect(pending.getByRole('heading', { name: 'Exploitation Cloitre' })).toBeVisible();
  // The service worker controls the page and the last sync is stored.
  // Installing precaches the whole app: on a loaded machine a first install can also
  // fail (one precache request failing discards the worker, as in any Workbox app);
  // like a returning user, a later visit installs it again.
  let visited = Date.now();
  await expect
    .poll(
      async () => {
        const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
        if (!controlled && Date.now() - visited > 45_000) {
          await page.reload();
          visited = Date.now();
        }
        return controlled;
      },
      { timeout: 180_000, intervals: [1_000] },
    )
    .toBe(true);
  await expect
    .poll(() => page.evaluate((key) => localStorage.getItem(key) ?? '', OFFLINE_CACHE_KEY))
    .toContain('Exploitation Cloitre');
  // The shell also keeps the person's own next 14 days of planning.
  await expect
    .poll(() => page.evaluate((key) => localStorage.getItem(key) ?? '', OFFLINE_CACHE_KEY))
    .toContain('"my-planning"');

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: fr.my_missions_title })).toBeVisible();
  await expect(page.getByText(/^Hors ligne, derni/)).toBeVisible();
  await expect(pending.getByRole('heading', { name: 'Montage Chapiteau' })).toBeVisible();
  await expect(pending.getByRole('heading', { name: 'Exploitation Cloitre' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Accepter Montage Chapiteau/ })).toBeDisabled();
  await expectAccessible(page, 'my missions offline');
  await snapshot(page, 'phone-my-missions-offline');

  // The planning screen, without network, shows the person's next 14 days as last synced.
  await page.goto('/planning');
  await expect(page.getByText(/^Hors ligne : vos missions des 14 prochains jours/)).toBeVisible();
  const mine = page.getByRole('region', { name: /^Mes missions du/ });
  await expect(mine.getByText('Montage Chapiteau')).toBeVisible();
  await expect(mine.getByText('Exploitation Cloitre')).toBeVisible();
  await expect(mine.getByText(fr.planning_status_invited)).toHaveCount(2);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page, 'planning offline');
  await snapshot(page, 'phone-planning-offline');

  await context.setOffline(false);
  await page.reload();
  await expect(page.getByText(/^Hors ligne, derni/)).toHaveCount(0);
  await page.getByRole('button', { name: fr.nav_menu_open }).click();
  await page.getByRole('dialog').getByRole('button', { name: fr.logout }).click();
  await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
  expect(await page.evaluate((key) => localStorage.getItem(key), OFFLINE_CACHE_KEY)).toBeNull();
});

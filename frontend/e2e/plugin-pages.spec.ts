/**
 * Plugins bring their own pages (issue 11): the catering example, installed from its
 * wheel by global-setup.ts, enabled for one org: its menu entry opens its own page (an
 * ES module the web app imports on demand) listing meals per mission. Another org
 * never requests the plugin's assets.
 */
import { ApiSession, createMission, inDays } from './crew-api';
import { expect, expectAccessible, fr, login, navLink, signup, snapshot, test } from './support';

const ASSETS = '/plugins/catering/assets/';

test('plugin pages: catering enabled for one org loads its own page; another org never downloads it', async ({
  page,
  browser,
  csp,
}) => {
  const owner = await signup('catering');
  const api = await ApiSession.login(owner);
  await api.patch('/api/v1/orgs/current/plugins/catering', { enabled: true });
  const project = await api.post<{ id: number }>('/api/v1/projects', {
    name: 'Festival des repas',
    starts_on: inDays(2, 0).slice(0, 10),
    ends_on: inDays(5, 0).slice(0, 10),
  });
  const mission = await createMission(api, project.id, 'Balances du soir', inDays(3, 16), inDays(3, 19));
  await api.post('/api/v1/catering/meals', { mission_id: mission.missionId, label: 'Diner equipe', quantity: 8 });
  await api.dispose();

  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await login(page, owner);
  // Not before the member opens the page.
  expect(requested.filter((url) => url.includes(ASSETS))).toEqual([]);
  await navLink(page, 'Repas').click();
  await expect(page).toHaveURL(/\/plugins\/catering\/meals$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Repas' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Balances du soir' })).toBeVisible();
  await expect(page.getByText('Diner equipe : 8 repas')).toBeVisible();
  expect(requested.filter((url) => url.includes(`${ASSETS}meals.js`))).toHaveLength(1);
  await expectAccessible(page, 'plugin-catering-meals');
  await snapshot(page, 'plugin-catering-meals');

  // A reload lands on the same page (the server answers the app for the route).
  await page.reload();
  await expect(page.getByText('Diner equipe : 8 repas')).toBeVisible();

  const other = await signup('no-catering');
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  await csp.watch(context);
  const otherPage = await context.newPage();
  const seen: string[] = [];
  otherPage.on('request', (request) => seen.push(request.url()));
  await login(otherPage, other);
  await expect(navLink(otherPage, 'Repas')).toHaveCount(0);
  await otherPage.goto('/plugins/catering/meals');
  await expect(otherPage.getByText(fr.plugin_page_unavailable)).toBeVisible();
  expect(seen.filter((url) => url.includes(ASSETS))).toEqual([]);
  await context.close();
});

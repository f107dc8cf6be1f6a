/**
 * Issue 10, home dashboard: a manager lands on what needs them (missions of the next 7
 * days with open places, waiting invitations by age, declines of the last 24 h, conflicts,
 * week hours), each linking to the screen that resolves it; a tech lands on their pending
 * answers and next missions, and answers from there. Axe at 1440 and 390 px.
 */
import type { Page } from '@playwright/test';

import { ApiSession, createMission, createTechAccount, createUser, inDays, invite } from './crew-api';
import { expect, expectAccessible, fr, login, msg, signup, snapshot, test } from './support';

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

function section(page: Page, title: string) {
  return page.getByRole('region', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
}

test('manager and tech dashboards', async ({ page, browser }) => {
  test.setTimeout(150_000);
  const owner = await signup('dashboard');
  const api = await ApiSession.login(owner);
  const project = await api.post<{ id: number }>('/api/v1/projects', { name: 'Festival tableau de bord' });
  const tech = await createTechAccount(api, owner, 'dash-tech');
  const lea = await createUser(api, 'Lea', 'Roux', { account_id: tech.accountId });
  const tom = await createUser(api, 'Tom', 'Bernard');
  const montage = await createMission(api, project.id, 'Montage Cour', inDays(1, 6), inDays(1, 11));
  const show = await createMission(api, project.id, 'Exploitation Cour', inDays(2, 17), inDays(2, 22));
  await invite(api, montage.roleId, tom.id);
  await invite(api, montage.roleId, lea.id);
  await invite(api, show.roleId, lea.id);

  // The manager: both missions miss people, three invitations wait.
  await page.setViewportSize(DESKTOP);
  await login(page, owner);
  const missing = section(page, fr.dashboard_missing_title);
  await expect(missing.getByRole('link', { name: 'Montage Cour', exact: true })).toBeVisible();
  await expect(missing.getByRole('link', { name: 'Exploitation Cour', exact: true })).toBeVisible();
  await expect(missing.getByText(msg('dashboard_open_places_other', { count: '2' })).first()).toBeVisible();
  await expect(section(page, fr.dashboard_pending_title).getByRole('listitem')).toHaveCount(3);
  await expect(section(page, fr.dashboard_declines_title).getByText(fr.dashboard_declines_none)).toBeVisible();
  await expectAccessible(page, 'dashboard-manager');
  await snapshot(page, 'dashboard-manager');

  // The tech answers from their dashboard: accepts the build-up, declines the show.
  const techContext = await browser.newContext({ viewport: PHONE });
  const techPage = await techContext.newPage();
  await login(techPage, tech);
  const answers = section(techPage, fr.dashboard_answers_title);
  await expect(answers.getByRole('listitem')).toHaveCount(2);
  expect(await techPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await expectAccessible(techPage, 'dashboard-tech-phone');
  await snapshot(techPage, 'dashboard-tech-phone');
  await answers.getByRole('button', { name: msg('my_missions_accept_of', { title: 'Montage Cour' }) }).click();
  await expect(section(techPage, fr.dashboard_next_title).getByText('Montage Cour')).toBeVisible();
  await answers.getByRole('button', { name: msg('my_missions_decline_of', { title: 'Exploitation Cour' }) }).click();
  const dialog = techPage.getByRole('dialog');
  await dialog.getByRole('textbox').fill('deja pris ce soir-la');
  await dialog.getByRole('button', { name: fr.action_decline }).click();
  await expect(techPage.getByText(msg('dashboard_declined_notice', { title: 'Exploitation Cour' }))).toBeVisible();
  await expect(answers.getByText(fr.dashboard_answers_none)).toBeVisible();
  await techPage.setViewportSize(DESKTOP);
  await expectAccessible(techPage, 'dashboard-tech');
  await snapshot(techPage, 'dashboard-tech');
  await techContext.close();

  // Back on the manager's dashboard: the decline with its reason, one invitation left.
  await page.reload();
  const declines = section(page, fr.dashboard_declines_title);
  await expect(declines.getByText('deja pris ce soir-la')).toBeVisible();
  await expect(section(page, fr.dashboard_pending_title).getByRole('listitem')).toHaveCount(1);
  await expect(missing.getByText(msg('dashboard_fill', { accepted: '1', quota: '2' }))).toBeVisible();
  await page.setViewportSize(PHONE);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await expectAccessible(page, 'dashboard-manager-phone');
  await snapshot(page, 'dashboard-manager-phone');

  // Each line leads to what resolves it.
  await section(page, fr.dashboard_conflicts_title).getByRole('link', { name: fr.dashboard_open_conflicts }).click();
  await expect(page).toHaveURL(/\/conflicts$/);
  await page.goBack();
  await missing.getByRole('link', { name: 'Montage Cour', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/missions/${montage.missionId}$`));
  await api.dispose();
});

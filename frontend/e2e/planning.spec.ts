/**
 * Issue 5, manager side: a project and 12 missions through the wizard, an invite
 * by drag and drop on the planning, and the answer arriving live (SSE) in the
 * open calendar.
 */
import { ApiSession, createUser, linkIn } from './crew-api';
import { expect, expectAccessible, fr, login, msg, navLink, signup, snapshot, test, waitForMail } from './support';

test('projects wizard, drag and drop invite, live accept on the planning', async ({ page, browser, csp }) => {
  test.setTimeout(120_000);
  const owner = await signup('planning');
  const api = await ApiSession.login(owner);
  const user = await createUser(api, 'Lea', 'Martin');
  const email = (await api.get<{ email: string }>(`/api/v1/users/${user.id}`)).email;
  await api.post('/api/v1/places', { name: 'Cour' });
  await api.dispose();

  await login(page, owner);
  await navLink(page, fr.nav_projects).click();
  await expect(page.getByRole('heading', { level: 1, name: fr.projects_title })).toBeVisible();
  await expect(page.getByText(fr.projects_empty)).toBeVisible();
  await expectAccessible(page, 'projects-empty');

  // Wizard: project, then 6 days x 2 slots (one crosses midnight) with one role.
  await page.getByRole('link', { name: fr.projects_new }).click();
  await page.getByLabel(fr.projects_field_name, { exact: true }).fill('Festival 2027');
  await page.getByLabel(fr.projects_field_starts_on, { exact: true }).fill('2027-07-05');
  await page.getByLabel(fr.projects_field_ends_on, { exact: true }).fill('2027-07-10');
  await page.getByRole('button', { name: fr.projects_wizard_next }).click();
  await page.getByLabel(fr.projects_field_mission_title, { exact: true }).fill('Festival');
  await page.getByLabel(fr.projects_field_place, { exact: true }).selectOption({ label: 'Cour' });
  await expect(page.getByLabel(fr.projects_field_from, { exact: true })).toHaveValue('2027-07-05');
  await expect(page.getByLabel(fr.projects_field_to, { exact: true })).toHaveValue('2027-07-10');
  await page.getByLabel(msg('projects_slot_title', { n: '1' }), { exact: true }).fill('Montage');
  await page.getByRole('button', { name: fr.projects_add_slot }).click();
  await page.getByLabel(msg('projects_slot_title', { n: '2' }), { exact: true }).fill('Exploitation');
  await page.getByLabel(msg('projects_role_name', { n: '1' }), { exact: true }).fill('Technicien son');
  await expectAccessible(page, 'project-wizard');
  await page.getByRole('button', { name: fr.projects_wizard_preview }).click();
  await expect(page.getByRole('status').filter({ hasText: msg('projects_wizard_summary_other', { count: '12', name: 'Festival 2027' }) })).toBeVisible();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(13);
  await expectAccessible(page, 'project-wizard-preview');
  await snapshot(page, 'project-wizard-preview');
  await page.getByRole('button', { name: msg('projects_wizard_create_other', { count: '12' }) }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Festival 2027' })).toBeVisible();
  await expect(page.getByText(msg('projects_created_other', { name: 'Festival 2027', count: '12' }))).toBeVisible();
  await expect(page.getByRole('table').getByRole('rowheader')).toHaveCount(12);
  await expectAccessible(page, 'project-detail');
  await snapshot(page, 'project-detail');

  await navLink(page, fr.nav_projects).click();
  await expect(page.getByRole('rowheader', { name: 'Festival 2027' })).toBeVisible();
  await snapshot(page, 'projects');
  await page.getByRole('link', { name: 'Festival 2027' }).click();

  // Planning, week of 5 July 2027, filtered on the project.
  await page.getByRole('link', { name: fr.projects_open_planning }).click();
  await expect(page.getByRole('heading', { level: 1, name: fr.planning_title })).toBeVisible();
  const missions = page.getByRole('group', { name: /^Mission (Montage|Exploitation),/ });
  await expect(missions).toHaveCount(12);
  await expect(page.getByText(fr.planning_live_on)).toBeVisible();
  await expectAccessible(page, 'planning-week');
  await snapshot(page, 'planning-week');

  // Drag Lea from the crew list onto Monday's Montage.
  const target = page.getByRole('group', { name: /^Mission Montage, 5 juil/ });
  await expect(target).toHaveAttribute('data-tone', 'neutral');
  await page.getByRole('listitem', { name: 'Lea Martin' }).dragTo(target);
  await expect(page.getByRole('status').filter({ hasText: msg('planning_invited', { name: 'Lea Martin' }) })).toBeVisible();
  await expect(target).toHaveAttribute('data-tone', 'info');
  await expect(target.getByText(`Lea Martin (${fr.planning_status_invited})`)).toBeVisible();
  await snapshot(page, 'planning-invited');

  // Lea accepts from the emailed link, in another browser context; the manager's
  // calendar turns green without a reload.
  const mail = await waitForMail(owner, email, 'Montage');
  const path = linkIn(mail, /\/invitations\/\d+\?token=/);
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  await csp.watch(context);
  const phone = await context.newPage();
  await phone.goto(path);
  await phone.getByRole('button', { name: fr.action_accept }).click();
  await expect(phone.getByRole('status').filter({ hasText: fr.invitation_accepted })).toBeVisible();
  await context.close();

  await expect(target.getByText(`Lea Martin (${fr.planning_status_accepted})`)).toBeVisible();
  await expect(target).toHaveAttribute('data-tone', 'success');
  await snapshot(page, 'planning-accepted');

  // The other views render and pass axe too.
  await page.getByRole('button', { name: fr.planning_view_month }).click();
  await expect(page.getByRole('group', { name: /^Mission Montage, 5 juil/ })).toBeVisible();
  await expectAccessible(page, 'planning-month');
  await snapshot(page, 'planning-month');
  await page.getByRole('button', { name: fr.planning_view_timeline }).click();
  await page.getByLabel(fr.planning_zoom).selectOption({ label: fr.planning_zoom_week });
  // FullCalendar keeps the timeline's time area out of the accessibility tree: a CSS hook here.
  await expect(page.locator('[data-tone="success"]', { hasText: 'Montage' })).toBeVisible();
  await expectAccessible(page, 'planning-timeline');
  await snapshot(page, 'planning-timeline');
});

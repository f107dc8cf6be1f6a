/**
 * Issue 14, "Absences and leave (Jalon 63)": a tech asks for leave (conges) from the phone;
 * the manager, at 1440 px, sees the request with the accepted mission it would leave
 * uncovered and a suggested replacement, approves it, and the mission stays assigned
 * (approving cancels nothing). Axe on each screen.
 */
import { ApiSession, createMission, createTechAccount, createUser, inDays, invite } from './crew-api';
import { expect, expectAccessible, fr, login, msg, signup, snapshot, test } from './support';

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

test('a tech requests leave from the phone, the manager approves it seeing the mission to cover', async ({ browser }) => {
  test.setTimeout(180_000);
  const owner = await signup('absences');
  const api = await ApiSession.login(owner);
  const techAccount = await createTechAccount(api, owner, 'absent');
  const tina = await createUser(api, 'Tina', 'Martin', { account_id: techAccount.accountId });
  await createUser(api, 'Bruno', 'Petit');
  const project = await api.post<{ id: number }>('/api/v1/projects', { name: 'Festival 2027' });
  const mission = await createMission(api, project.id, 'Concert du soir', inDays(10, 17), inDays(10, 21));
  const assignment = await invite(api, mission.roleId, tina.id);
  // A second mission in the absence: the manager replaces Tina on it from the request.
  const rehearsal = await createMission(api, project.id, 'Raccord du matin', inDays(11, 9), inDays(11, 11));
  const second = await invite(api, rehearsal.roleId, tina.id);
  const techApi = await ApiSession.login(techAccount);
  await techApi.post(`/api/v1/assignments/${assignment.id}/accept`);
  await techApi.post(`/api/v1/assignments/${second.id}/accept`);

  // The tech, on a phone: "Demander une absence" with the type Conges, over the mission's day.
  const phone = await browser.newContext({ viewport: PHONE });
  const techPage = await phone.newPage();
  await login(techPage, techAccount);
  await techPage.goto(`/users/${tina.id}`);
  const form = techPage.getByRole('button', { name: fr.availability_request_submit }).locator('xpath=ancestor::form');
  await form.getByLabel(fr.absence_type, { exact: true }).selectOption({ label: 'Conges' });
  await form.getByLabel(fr.availability_start_date, { exact: true }).fill(inDays(9, 12).slice(0, 10));
  await form.getByLabel(fr.availability_start_time, { exact: true }).fill('00:00');
  await form.getByLabel(fr.availability_end_date, { exact: true }).fill(inDays(11, 12).slice(0, 10));
  await form.getByLabel(fr.availability_end_time, { exact: true }).fill('23:00');
  await form.getByLabel(fr.availability_note, { exact: true }).fill('Mariage');
  await expectAccessible(techPage, 'absence-request-phone');
  await form.getByRole('button', { name: fr.availability_request_submit }).click();
  await expect(techPage.getByText(fr.availability_requested)).toBeVisible();
  await expect(techPage.getByText(fr.availability_status_requested)).toBeVisible();
  const scrolls = await techPage.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(scrolls).toBe(false);
  await snapshot(techPage, 'absence-request-phone');
  await phone.close();

  // The manager, at 1440 px: the request, the accepted mission and its suggested replacement.
  const desktop = await browser.newContext({ viewport: DESKTOP });
  const page = await desktop.newPage();
  await login(page, owner);
  await page.goto('/users');
  await expect(page.getByText(msg('absence_overlaps_title_other', { count: '2' }))).toBeVisible();
  await expect(page.getByText('Concert du soir')).toBeVisible();
  const replaceOnRehearsal = page.getByRole('button', {
    name: msg('absence_overlaps_replace_with', { name: 'Bruno Petit', mission: 'Raccord du matin' }),
  });
  await expect(replaceOnRehearsal).toBeVisible();
  await expectAccessible(page, 'absence-approval');
  await snapshot(page, 'absence-approval');
  // Replace her on the rehearsal: a confirmation, then the result beside the list.
  await replaceOnRehearsal.click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toBeVisible();
  await expectAccessible(page, 'absence-replace-confirm');
  await confirm.getByRole('button', { name: fr.conflicts_replace }).click();
  await expect(page.getByText(msg('absence_overlaps_replaced', { name: 'Bruno Petit', mission: 'Raccord du matin' }))).toBeVisible();
  await expect(page.getByText(msg('absence_overlaps_title_one', { count: '1' }))).toBeVisible();
  const replaced = await api.get<{ status: string }>(`/api/v1/assignments/${second.id}`);
  expect(replaced.status).toBe('CANCELLED');
  await page.getByRole('button', { name: fr.availability_approve }).click();
  await expect(page.getByText(fr.availability_pending_empty)).toBeVisible();

  const still = await api.get<{ status: string }>(`/api/v1/assignments/${assignment.id}`);
  expect(still.status).toBe('ACCEPTED');

  // The planning, rows by person: the approved absence is greyed on Tina's row.
  await page.goto(`/planning?date=${inDays(10, 12).slice(0, 10)}`);
  const toolbar = page.getByRole('toolbar').first();
  await toolbar.getByLabel(fr.planning_resource_rows).selectOption('user');
  await expect(page.locator('.fc-bg-event.planning-absence').first()).toBeVisible();
  await expectAccessible(page, 'absence-planning');
  await snapshot(page, 'absence-planning');

  // On a phone the planning is the day's agenda: the absent person is listed under it.
  await page.setViewportSize(PHONE);
  await page.goto(`/planning?date=${inDays(10, 12).slice(0, 10)}`);
  const absent = page.getByRole('region', { name: fr.planning_agenda_absent });
  await expect(absent.getByRole('listitem').filter({ hasText: 'Tina Martin' })).toBeVisible();
  await expectAccessible(page, 'absence-agenda-phone');
  await page.setViewportSize(DESKTOP);

  // The absence types settings page.
  await page.goto('/settings/absence-types');
  await expect(page.getByRole('heading', { level: 1, name: fr.absence_types_title })).toBeVisible();
  await expect(page.getByText('Indisponibilite personnelle', { exact: true })).toBeVisible();
  // Conges is used by the absence: it can be deactivated, not deleted.
  await expect(page.getByRole('button', { name: msg('absence_types_delete', { label: 'Conges' }) })).toHaveCount(0);
  await expect(page.getByRole('button', { name: msg('absence_types_delete', { label: 'Formation' }) })).toBeVisible();
  await expectAccessible(page, 'absence-types');
  await desktop.close();
  await techApi.dispose();
  await api.dispose();
});

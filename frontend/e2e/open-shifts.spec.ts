/**
 * Issue 14, "Open shifts, self-signup and waitlist (Jalon 59)": the manager publishes the
 * open places of a full role from the mission page (1440 px); a tech, on a phone
 * (390 px), joins its waitlist from "Ouverts"; a place frees up and is offered to them
 * with a deadline in My Missions, they accept it; the manager sees them accepted. Axe on
 * each screen.
 */
import { ApiSession, createMission, createTechAccount, createUser, inDays, invite } from './crew-api';
import { expect, expectAccessible, fr, login, msg, signup, snapshot, test } from './support';

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

test('a tech joins the waitlist of open places from the phone and accepts the offered place', async ({ browser }) => {
  test.setTimeout(180_000);
  const owner = await signup('open-shifts');
  const api = await ApiSession.login(owner);
  const techAccount = await createTechAccount(api, owner, 'ouverts');
  await createUser(api, 'Tina', 'Martin', { account_id: techAccount.accountId });
  const bruno = await createUser(api, 'Bruno', 'Petit');
  const project = await api.post<{ id: number }>('/api/v1/projects', { name: 'Festival 2027' });
  const mission = await createMission(api, project.id, 'Concert du soir', inDays(10, 17), inDays(10, 21));
  await api.patch(`/api/v1/missions/${mission.missionId}/roles/${mission.roleId}`, { quota: 1 });
  const held = await invite(api, mission.roleId, bruno.id);

  // The manager publishes the role's open places from the mission page.
  const desktop = await browser.newContext({ viewport: DESKTOP });
  const page = await desktop.newPage();
  await login(page, owner);
  await page.goto(`/missions/${mission.missionId}`);
  const form = page.getByRole('form', { name: msg('open_shifts_publish_for', { role: 'Regie son' }) });
  await form.getByLabel(fr.open_shifts_policy, { exact: true }).selectOption('first_come');
  await form.getByLabel(fr.open_shifts_offer_hours, { exact: true }).fill('12');
  await form.getByRole('button', { name: fr.open_shifts_publish }).click();
  await expect(page.getByText(fr.open_shifts_shift_full, { exact: true })).toBeVisible();
  await expectAccessible(page, 'open-shifts-manager');
  await snapshot(page, 'open-shifts-manager');

  // The tech, on a phone: "Ouverts", the role is full, join its waitlist.
  const phone = await browser.newContext({ viewport: PHONE });
  const techPage = await phone.newPage();
  await login(techPage, techAccount);
  await techPage.goto('/open-shifts');
  await expect(techPage.getByRole('heading', { level: 1, name: fr.open_shifts_title })).toBeVisible();
  await techPage.getByRole('button', { name: `${fr.open_shifts_join_waitlist} - Regie son - Concert du soir` }).click();
  await expect(techPage.getByText(`${fr.open_shifts_status_waitlisted} (${msg('open_shifts_position', { position: '1' })})`)).toBeVisible();
  await expectAccessible(techPage, 'open-shifts-phone');
  const scrolls = await techPage.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(scrolls).toBe(false);
  await snapshot(techPage, 'open-shifts-phone');

  // Bruno's place frees up: it is offered to Tina, who accepts it in My Missions.
  await api.post(`/api/v1/assignments/${held.id}/cancel`);
  await techPage.goto('/my-missions');
  await expect(techPage.getByText(fr.open_shifts_status_offered, { exact: true })).toBeVisible();
  await expect(techPage.getByText(msg('open_shifts_offer_deadline', { deadline: '' }).trim(), { exact: false })).toBeVisible();
  await expectAccessible(techPage, 'open-shifts-offer-phone');
  await snapshot(techPage, 'open-shifts-offer-phone');
  await techPage.getByRole('button', { name: `${fr.open_shifts_accept_offer} - Regie son - Concert du soir` }).click();
  await expect(techPage.getByText(fr.open_shifts_status_offered, { exact: true })).toHaveCount(0);
  await phone.close();

  // The manager sees Tina accepted, the role full again.
  await page.reload();
  await expect(page.getByText(fr.open_shifts_status_accepted, { exact: true })).toBeVisible();
  await expect(page.getByText(fr.open_shifts_shift_full, { exact: true })).toBeVisible();
  await expectAccessible(page, 'open-shifts-manager-accepted');
  await desktop.close();
  await api.dispose();
});

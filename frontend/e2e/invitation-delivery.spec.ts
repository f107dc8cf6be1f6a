/**
 * Issue 8, invitation delivery in the web app: a crew member without an email
 * address is invited from the planning; once the delivery job ran (the e2e
 * server runs an in-process worker) the planning and the mission panel say
 * "Non joignable" with the reason, the inviting manager gets a live notice that
 * opens the mission, and a resend issues a new link. Axe on every state, at
 * 1440 px and 390 px.
 */
import type { Page } from '@playwright/test';

import { ApiSession, createMission, createUser } from './crew-api';
import { expect, expectAccessible, fr, login, msg, navLink, signup, snapshot, test } from './support';

interface AssignmentOut {
  id: number;
  user_id: number;
  status: string;
  invitation: { id: number; revoked_at: string | null; delivery: { status: string; error: string | null } } | null;
}

// Tuesday 6 July 2027, 10:00-14:00 in the org's timezone (Europe/Paris, UTC+2).
const STARTS_AT = '2027-07-06T08:00:00Z';
const ENDS_AT = '2027-07-06T12:00:00Z';
const DESKTOP = { width: 1440, height: 1400 };
const PHONE = { width: 390, height: 844 };

function missionGroup(page: Page) {
  return page.getByRole('group', { name: /^Mission Balances Sacha,/ });
}

function missionPanel(page: Page) {
  return page.getByRole('region', { name: 'Balances Sacha' });
}

async function invitationsOf(api: ApiSession, missionId: number, userId: number): Promise<AssignmentOut[]> {
  const page = await api.get<{ items: AssignmentOut[] }>(`/api/v1/assignments?mission=${missionId}`);
  return page.items.filter((a) => a.user_id === userId);
}

test('an unreachable invitee is flagged on the planning, the inviter is told, and a resend works', async ({ page }) => {
  test.setTimeout(120_000);
  const owner = await signup('delivery');
  const api = await ApiSession.login(owner);
  const project = await api.post<{ id: number }>('/api/v1/projects', {
    name: 'Festival delivery',
    starts_on: '2027-07-05',
    ends_on: '2027-07-11',
  });
  const mission = await createMission(api, project.id, 'Balances Sacha', STARTS_AT, ENDS_AT);
  const sacha = await createUser(api, 'Sacha', 'Sansmail', { email: null });

  await page.setViewportSize(DESKTOP);
  await login(page, owner);
  await page.goto('/planning?view=timeGridWeek&date=2027-07-05');
  await expect(page.getByText(fr.planning_live_on)).toBeVisible();
  // The legend (behind its toolbar toggle) explains the delivery icons.
  await page.getByRole('button', { name: fr.planning_legend_toggle }).click();
  const legend = page.getByRole('list', { name: fr.planning_delivery_legend });
  for (const key of ['planning_delivery_queued', 'planning_delivery_sent', 'planning_delivery_failed', 'planning_delivery_no_channel'] as const) {
    await expect(legend.getByText(fr[key], { exact: true })).toBeVisible();
  }

  // Invite Sacha from the mission panel (the keyboard way of a drop).
  await missionGroup(page).click();
  const panel = missionPanel(page);
  await expect(panel).toBeVisible();
  await panel.getByLabel(fr.planning_invite_user).selectOption({ label: 'Sacha Sansmail' });
  await panel.getByRole('button', { name: fr.planning_invite, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: msg('planning_invited', { name: 'Sacha Sansmail' }) })).toBeVisible();

  // The worker finds no address: the chip, the panel and a live notice say so.
  const chip = missionGroup(page).getByRole('listitem').filter({ hasText: 'Sacha Sansmail' });
  await expect(chip).toHaveAttribute('data-delivery', 'no_channel');
  await expect(chip).toContainText(fr.planning_delivery_no_channel);
  await expect(missionGroup(page).getByText(msg('planning_undelivered_count_one', { count: '1' }))).toBeVisible();
  await expect(panel.getByText(fr.planning_delivery_no_channel, { exact: true })).toBeVisible();
  await expect(panel.getByText(fr.planning_delivery_error_no_email)).toBeVisible();
  const notice = page.getByRole('alert').filter({
    hasText: msg('planning_delivery_failed_notice', { name: 'Sacha Sansmail', mission: 'Balances Sacha' }),
  });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(fr.planning_delivery_error_no_email);
  const [first] = await invitationsOf(api, mission.missionId, sacha.id);
  expect(first?.invitation?.delivery).toMatchObject({ status: 'no_channel', error: 'no email address' });
  await expectAccessible(page, 'delivery-planning-desktop');
  await snapshot(page, 'delivery-planning-desktop');

  // Resend from the panel, on a phone: a new link, delivered (and failing) again.
  await page.getByRole('button', { name: msg('planning_delivery_dismiss_for', { name: 'Sacha Sansmail' }) }).click();
  await expect(notice).toHaveCount(0);
  await page.setViewportSize(PHONE);
  // On a phone the planning is a day agenda: go to the mission's day, tap it.
  await page.goto('/planning?date=2027-07-06');
  await page.getByRole('button', { name: /^Balances Sacha/ }).click();
  await expect(panel.getByText(fr.planning_delivery_error_no_email)).toBeVisible();
  // Nothing wider than the phone: the page does not scroll sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await expectAccessible(page, 'delivery-panel-phone');
  await snapshot(page, 'delivery-panel-phone');
  await panel.getByRole('button', { name: msg('planning_resend_for', { name: 'Sacha Sansmail' }) }).click();
  await expect(panel.getByRole('status').filter({ hasText: msg('planning_resent', { name: 'Sacha Sansmail' }) })).toBeVisible();
  const after = await invitationsOf(api, mission.missionId, sacha.id);
  expect(after[0]?.invitation?.id).not.toBe(first?.invitation?.id);

  // The mission's drawer closes; the inviter is told on any screen: the new link fails while the
  // projects screen is open (on a phone the navigation sits in the menu drawer).
  await panel.getByRole('button', { name: fr.planning_close, exact: true }).click();
  await expect(panel).toBeHidden();
  await page.getByRole('button', { name: fr.nav_menu_open }).click();
  await navLink(page, fr.nav_projects).click();
  await expect(page.getByRole('heading', { level: 1, name: fr.projects_title })).toBeVisible();
  await expect(notice).toBeVisible();
  await expect
    .poll(async () => (await invitationsOf(api, mission.missionId, sacha.id))[0]?.invitation?.delivery.status)
    .toBe('no_channel');
  await expectAccessible(page, 'delivery-notice-phone');
  await snapshot(page, 'delivery-notice-phone');

  // The notice's link opens the planning on the mission's day with its panel.
  await notice.getByRole('link', { name: msg('planning_delivery_open_mission', { mission: 'Balances Sacha' }) }).click();
  await expect(page).toHaveURL(new RegExp(`/planning\\?date=2027-07-06&mission=${mission.missionId}$`));
  await expect(missionPanel(page)).toBeVisible();
  await expect(missionPanel(page).getByText(fr.planning_delivery_no_channel, { exact: true })).toBeVisible();
  await expect(notice).toHaveCount(0);
  await page.setViewportSize(DESKTOP);
  await expectAccessible(page, 'delivery-panel-desktop');
  await snapshot(page, 'delivery-panel-desktop');
  await api.dispose();
});

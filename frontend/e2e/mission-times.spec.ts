/**
 * Issue 9, mission times on a phone (390 px): the wizard marks a night slot "+1 j" and
 * offers a day offset (the 01:00 get-out), creating the whole pattern in one call; the
 * planning shows a mission's duration, what its role counts count, and the hours of
 * each person in the period. Axe on each screen.
 */
import { ApiSession, createMission, createUser, invite } from './crew-api';
import { expect, expectAccessible, fr, login, msg, signup, snapshot, test } from './support';

const PHONE = { width: 390, height: 844 };

interface MissionOut {
  title: string;
  starts_at: string;
  duration_minutes: number;
}

test('night slots, day offsets and hours per person at 390 px', async ({ page }) => {
  test.setTimeout(150_000);
  const owner = await signup('times');
  const api = await ApiSession.login(owner);
  await page.setViewportSize(PHONE);
  await login(page, owner);

  await page.goto('/projects/new');
  await page.getByLabel(fr.projects_field_name, { exact: true }).fill('Festival nuits');
  await page.getByLabel(fr.projects_field_starts_on, { exact: true }).fill('2027-07-05');
  await page.getByLabel(fr.projects_field_ends_on, { exact: true }).fill('2027-07-07');
  await page.getByRole('button', { name: fr.projects_wizard_next }).click();
  await page.getByLabel(fr.projects_field_mission_title, { exact: true }).fill('Festival');
  await page.getByLabel(fr.projects_field_to, { exact: true }).fill('2027-07-06');
  await page.getByLabel(msg('projects_slot_title', { n: '1' }), { exact: true }).fill('Exploitation');
  await page.getByLabel(msg('projects_slot_start', { n: '1' }), { exact: true }).fill('19:00');
  await page.getByLabel(msg('projects_slot_end', { n: '1' }), { exact: true }).fill('01:00');
  await expect(page.getByText(fr.projects_next_day_short, { exact: true })).toHaveCount(1);
  await page.getByRole('button', { name: fr.projects_add_slot }).click();
  await page.getByLabel(msg('projects_slot_title', { n: '2' }), { exact: true }).fill('Demontage');
  await page.getByLabel(msg('projects_slot_start', { n: '2' }), { exact: true }).fill('01:00');
  await page.getByLabel(msg('projects_slot_end', { n: '2' }), { exact: true }).fill('04:00');
  await page.getByLabel(msg('projects_slot_day_offset', { n: '2' }), { exact: true }).fill('1');
  await page.getByLabel(msg('projects_role_name', { n: '1' }), { exact: true }).fill('Machiniste');
  await expectAccessible(page, 'project-wizard-times-phone');
  await snapshot(page, 'project-wizard-times-phone');
  await page.getByRole('button', { name: fr.projects_wizard_preview }).click();
  await expect(page.getByRole('status').filter({ hasText: msg('projects_wizard_summary_other', { count: '4', name: 'Festival nuits' }) })).toBeVisible();
  await expectAccessible(page, 'project-wizard-times-preview-phone');
  await page.getByRole('button', { name: msg('projects_wizard_create_other', { count: '4' }) }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Festival nuits' })).toBeVisible();

  const projectId = Number(/\/projects\/(\d+)/.exec(page.url())![1]);
  const missions = await api.get<{ items: MissionOut[] }>(`/api/v1/missions?project=${projectId}`);
  // Paris is UTC+2 in July: the shows end at 01:00 the next day, the get-outs start then.
  expect(missions.items.map((m) => [m.title, m.starts_at, m.duration_minutes])).toEqual([
    ['Exploitation', '2027-07-05T17:00:00Z', 360],
    ['Demontage', '2027-07-05T23:00:00Z', 180],
    ['Exploitation', '2027-07-06T17:00:00Z', 360],
    ['Demontage', '2027-07-06T23:00:00Z', 180],
  ]);

  // A 6-hour mission with one invitation: its panel and the hours of the period.
  const mission = await createMission(api, projectId, 'Balances', '2027-07-07T08:00:00Z', '2027-07-07T14:00:00Z');
  const lea = await createUser(api, 'Lea', 'Heures');
  await invite(api, mission.roleId, lea.id);
  // On a phone the planning is a day agenda, with the hours of that day.
  await page.goto('/planning?date=2027-07-07');
  const hours = page.getByRole('table', { name: fr.planning_hours_title });
  await expect(hours.getByRole('row', { name: /Lea Heures/ })).toContainText('6 h');
  await page.getByRole('button', { name: /^Balances/ }).click();
  const panel = page.getByRole('region', { name: 'Balances' });
  await expect(panel).toContainText('(6 h)');
  await expect(panel).toContainText(msg('planning_role_fill', { accepted: '0', quota: '2', pending: '1', declined: '0', open: '2' }));
  await expectAccessible(page, 'planning-hours-phone');
  await snapshot(page, 'planning-hours-phone');
  await api.dispose();
});

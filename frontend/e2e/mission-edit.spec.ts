/**
 * Issue 10, "projects and missions can be edited": edit a project; search, sort and page
 * its mission table; duplicate with date pickers; a mission's page edits its times,
 * notes and roles and invites or cancels from its assignments. Axe at 1440 and 390 px.
 */
import { ApiSession, createUser } from './crew-api';
import { expect, expectAccessible, fr, login, msg, signup, snapshot, test } from './support';

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

interface MissionOut {
  id: number;
  title: string;
  starts_at: string;
  ends_at: string;
  notes: string;
  roles: { name: string; quota: number }[];
}

test('edit a project, its mission table and a mission', async ({ page }) => {
  test.setTimeout(180_000);
  const owner = await signup('mission-edit');
  const api = await ApiSession.login(owner);
  const project = await api.post<{ id: number }>('/api/v1/projects', {
    name: 'Festival 2027',
    starts_on: '2027-07-01',
    ends_on: '2027-07-31',
  });
  // 15 days x (build-up, show to 01:00): 30 missions, two pages of the table.
  await api.post(`/api/v1/projects/${project.id}/missions:bulk_create`, {
    title: 'Festival',
    date_from: '2027-07-01',
    date_to: '2027-07-15',
    place: 'Cour',
    slots: [
      { start: '08:00', end: '13:00', title: 'Montage' },
      { start: '19:00', end: '01:00', ends_next_day: true, title: 'Exploitation' },
    ],
    roles: [{ name: 'son', quota: 2 }],
  });
  await createUser(api, 'Lea', 'Roux');

  await page.setViewportSize(DESKTOP);
  await login(page, owner);
  await page.goto(`/projects/${project.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Festival 2027' })).toBeVisible();

  // The project: name and end date.
  await page.getByRole('button', { name: fr.projects_edit }).click();
  const form = page.getByRole('form', { name: fr.projects_edit_title });
  await form.getByLabel(fr.projects_field_name, { exact: true }).fill('Festival 2027 (edition)');
  await form.getByLabel(fr.projects_field_ends_on, { exact: true }).fill('2027-07-30');
  await expectAccessible(page, 'project-edit');
  await snapshot(page, 'project-edit');
  await form.getByRole('button', { name: fr.projects_edit_save }).click();
  await expect(page.getByText(fr.projects_edit_saved)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Festival 2027 (edition)' })).toBeVisible();
  const saved = await api.get<{ name: string; ends_on: string }>(`/api/v1/projects/${project.id}`);
  expect([saved.name, saved.ends_on]).toEqual(['Festival 2027 (edition)', '2027-07-30']);

  // The mission table: 30 missions on two pages, searched and sorted.
  await expect(page.getByText(msg('projects_missions_shown_other', { count: '30', total: '30' }))).toBeVisible();
  await expect(page.getByText(msg('pagination_page', { page: '1', pages: '2' }))).toBeVisible();
  const search = page.getByRole('searchbox', { name: fr.projects_missions_search });
  await search.fill('exploitation');
  await expect(page.getByText(msg('projects_missions_shown_other', { count: '15', total: '30' }))).toBeVisible();
  const times = page.getByRole('button', { name: msg('table_sort_by', { column: fr.projects_col_times }) });
  await times.click();
  await times.click();
  await expect(page.getByRole('columnheader', { name: new RegExp(fr.projects_col_times) })).toHaveAttribute('aria-sort', 'descending');
  const firstRow = page.getByRole('row').nth(1);
  await expect(firstRow).toContainText('15 juil. 2027');
  await expectAccessible(page, 'project-missions-table');
  await snapshot(page, 'project-missions-table');

  // Duplicate the last show on two more days, with date pickers.
  await firstRow.getByRole('checkbox').check();
  await expect(page.getByLabel(fr.projects_duplicate_from)).toHaveAttribute('type', 'date');
  await page.getByLabel(fr.projects_duplicate_from).fill('2027-07-16');
  await page.getByLabel(fr.projects_duplicate_to).fill('2027-07-17');
  await page.getByRole('button', { name: fr.projects_action_duplicate }).click();
  await expect(page.getByText(msg('projects_done_duplicated_other', { count: '2' }))).toBeVisible();
  await expect(page.getByText(msg('projects_missions_shown_other', { count: '17', total: '32' }))).toBeVisible();

  // A mission's page: times across midnight, notes, roles, assignments.
  await search.fill('');
  await times.click(); // back to ascending
  await page.getByRole('row').nth(1).getByRole('link', { name: 'Montage' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Montage' })).toBeVisible();
  const missionId = Number(/\/missions\/(\d+)/.exec(page.url())![1]);
  await page.getByLabel(fr.mission_field_start, { exact: true }).fill('22:00');
  await page.getByLabel(fr.mission_field_end, { exact: true }).fill('02:00');
  await page.getByRole('button', { name: fr.mission_form_save }).click();
  await expect(page.getByText(fr.mission_form_ends_before_start)).toBeVisible();
  await page.getByLabel(fr.mission_field_ends_next_day).check();
  await page.getByLabel(fr.mission_field_notes, { exact: true }).fill('Balances a 18h');
  await page.getByRole('button', { name: fr.mission_form_save }).click();
  await expect(page.getByText(fr.mission_form_saved)).toBeVisible();
  let mission = await api.get<MissionOut>(`/api/v1/missions/${missionId}`);
  // Paris is UTC+2 in July: 22:00 -> 02:00 the next day.
  expect([mission.starts_at, mission.ends_at, mission.notes]).toEqual(['2027-07-01T20:00:00Z', '2027-07-02T00:00:00Z', 'Balances a 18h']);

  await page.getByLabel(msg('mission_role_quota', { role: 'son' }), { exact: true }).fill('3');
  await page.getByRole('button', { name: msg('mission_role_save', { role: 'son' }) }).click();
  await expect(page.getByText(msg('mission_role_saved', { role: 'son' }))).toBeVisible();
  await page.getByLabel(fr.mission_new_role_name, { exact: true }).fill('lumiere');
  await page.getByRole('button', { name: fr.projects_add_role }).click();
  await expect(page.getByText(msg('mission_role_added', { role: 'lumiere' }))).toBeVisible();
  mission = await api.get<MissionOut>(`/api/v1/missions/${missionId}`);
  expect(mission.roles.map((r) => [r.name, r.quota])).toEqual([
    ['son', 3],
    ['lumiere', 1],
  ]);

  await page.getByLabel(fr.projects_assign_user).selectOption({ label: 'Lea Roux' });
  await page.getByRole('button', { name: fr.mission_invite, exact: true }).click();
  await expect(page.getByText(msg('mission_invited', { name: 'Lea Roux' }))).toBeVisible();
  const lea = page.getByRole('row', { name: /Lea Roux/ });
  await expect(lea.getByText(fr.assignment_status_invited)).toBeVisible();
  await expectAccessible(page, 'mission-page');
  await snapshot(page, 'mission-page');
  await lea.getByRole('button', { name: msg('mission_cancel_of', { name: 'Lea Roux' }) }).click();
  await expect(lea.getByText(fr.assignment_status_cancelled)).toBeVisible();

  // Duplicate this mission from its page, with date pickers.
  const dup = page.getByRole('form', { name: fr.projects_action_duplicate });
  await dup.getByLabel(fr.projects_duplicate_from).fill('2027-07-20');
  await dup.getByRole('button', { name: fr.projects_action_duplicate }).click();
  await expect(dup.getByText(msg('projects_done_duplicated_one', { count: '1' }))).toBeVisible();

  await page.setViewportSize(PHONE);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await expectAccessible(page, 'mission-page-phone');
  await snapshot(page, 'mission-page-phone');
  await page.goto(`/projects/${project.id}`);
  await expect(page.getByText(msg('projects_missions_shown_other', { count: '33', total: '33' }))).toBeVisible();
  // The table scrolls inside its own box; the page does not scroll sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await expectAccessible(page, 'project-missions-table-phone');
  await snapshot(page, 'project-missions-table-phone');
  await api.dispose();
});

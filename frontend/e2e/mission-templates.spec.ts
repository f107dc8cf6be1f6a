/**
 * Issue 14, "Mission templates (Jalon 28)": a manager saves the wizard's day of a stage as a
 * template, starts a new wizard from it, then creates 20 missions from it in one action
 * (5 days x 2 slots x 2 places, the show crossing midnight). Axe at 1440 and 390 px.
 */
import { ApiSession } from './crew-api';
import { expect, expectAccessible, fr, login, msg, signup, snapshot, test } from './support';

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

interface MissionPage {
  total: number;
  items: { title: string; starts_at: string; ends_at: string; place: string; roles: { name: string; quota: number }[] }[];
}

test('save a template from the wizard and create 20 missions from it in one action', async ({ page }) => {
  test.setTimeout(180_000);
  const owner = await signup('templates');
  const api = await ApiSession.login(owner);
  const project = await api.post<{ id: number }>('/api/v1/projects', {
    name: 'Festival 2027',
    starts_on: '2027-07-01',
    ends_on: '2027-07-31',
  });
  for (const name of ['Cour', 'Cloitre']) {
    await api.post('/api/v1/places', { name, timezone: 'Europe/Paris' });
  }

  await page.setViewportSize(DESKTOP);
  await login(page, owner);

  // The wizard's missions step: a build-up and a show to 01:00, saved as a template.
  await page.goto('/projects/new');
  await page.getByLabel(fr.projects_field_name, { exact: true }).fill('Brouillon');
  await page.getByRole('button', { name: fr.projects_wizard_next }).click();
  await page.getByLabel(fr.projects_field_mission_title, { exact: false }).fill('Plateau');
  await page.getByLabel(msg('projects_slot_title', { n: '1' }), { exact: true }).fill('Montage');
  await page.getByRole('button', { name: fr.projects_add_slot }).click();
  await page.getByLabel(msg('projects_slot_title', { n: '2' }), { exact: true }).fill('Exploitation');
  await page.getByLabel(msg('projects_role_name', { n: '1' }), { exact: true }).fill('machiniste');
  await page.getByRole('button', { name: fr.templates_save_as }).click();
  const saveAs = page.getByRole('group', { name: fr.templates_save_as });
  await saveAs.getByLabel(fr.templates_field_name, { exact: true }).fill('Journee plateau');
  await expectAccessible(page, 'wizard-templates');
  await saveAs.getByRole('button', { name: fr.templates_save }).click();
  await expect(page.getByText(msg('templates_saved', { name: 'Journee plateau' }))).toBeVisible();

  // A new wizard starts from it.
  await page.goto('/projects/new');
  await page.getByLabel(fr.projects_field_name, { exact: true }).fill('Autre');
  await page.getByRole('button', { name: fr.projects_wizard_next }).click();
  await page.getByLabel(fr.templates_start_from, { exact: true }).selectOption({ label: msg('templates_option', { name: 'Journee plateau', version: '1' }) });
  await page.getByRole('button', { name: fr.templates_use }).click();
  await expect(page.getByLabel(fr.projects_field_mission_title, { exact: false })).toHaveValue('Plateau');
  await expect(page.getByLabel(msg('projects_slot_title', { n: '2' }), { exact: true })).toHaveValue('Exploitation');
  await expect(page.getByLabel(msg('projects_slot_end', { n: '2' }), { exact: true })).toHaveValue('01:00');
  await snapshot(page, 'wizard-templates');

  // The templates page, from Projets: apply to 5 days at two places.
  await page.goto('/projects');
  await page.getByRole('link', { name: fr.templates_title }).click();
  await expect(page.getByRole('heading', { level: 1, name: fr.templates_title })).toBeVisible();
  const list = page.getByRole('list', { name: fr.templates_title });
  await expect(list).toContainText('Exploitation 19:00-01:00 (+1 j)');
  await page.getByRole('button', { name: msg('templates_apply_of', { name: 'Journee plateau' }) }).click();
  const form = page.getByRole('form', { name: msg('templates_apply_of', { name: 'Journee plateau' }) });
  await form.getByLabel(fr.templates_field_project, { exact: true }).selectOption({ label: 'Festival 2027' });
  await form.getByLabel(fr.projects_field_from, { exact: true }).fill('2027-07-10');
  await form.getByLabel(fr.projects_field_to, { exact: true }).fill('2027-07-14');
  await form.getByLabel('Cour', { exact: true }).check();
  await form.getByLabel('Cloitre', { exact: true }).check();
  await expectAccessible(page, 'templates-apply');
  await snapshot(page, 'templates-apply');
  await form.getByRole('button', { name: fr.templates_apply_submit }).click();
  await expect(page.getByText(msg('templates_applied_other', { count: '20', project: 'Festival 2027' }))).toBeVisible();

  const missions = await api.get<MissionPage>(`/api/v1/missions?project=${project.id}&page_size=200&sort=starts_at`);
  expect(missions.total).toBe(20);
  expect(new Set(missions.items.map((m) => m.place))).toEqual(new Set(['Cour', 'Cloitre']));
  // Paris is UTC+2 in July: the show of the 10th runs 17:00 -> 23:00 UTC, ending the next local day.
  const show = missions.items.find((m) => m.title === 'Exploitation')!;
  expect([show.starts_at, show.ends_at]).toEqual(['2027-07-10T17:00:00Z', '2027-07-10T23:00:00Z']);
  expect(show.roles.map((r) => [r.name, r.quota])).toEqual([['machiniste', 1]]);
  await page.getByRole('link', { name: msg('templates_open_project', { name: 'Festival 2027' }) }).click();
  await expect(page.getByText(msg('projects_missions_shown_other', { count: '20', total: '20' }))).toBeVisible();

  // Rename (a new version), on a phone.
  await page.setViewportSize(PHONE);
  await page.goto('/projects/templates');
  await page.getByRole('button', { name: msg('templates_rename_of', { name: 'Journee plateau' }) }).click();
  const rename = page.getByRole('form', { name: msg('templates_rename_of', { name: 'Journee plateau' }) });
  await rename.getByLabel(fr.templates_field_name, { exact: true }).fill('Journee Cour');
  await rename.getByRole('button', { name: fr.templates_save }).click();
  await expect(page.getByText(msg('templates_renamed', { name: 'Journee Cour', version: '2' }))).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await page.getByRole('button', { name: msg('templates_apply_of', { name: 'Journee Cour' }) }).click();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await expectAccessible(page, 'templates-phone');
  await snapshot(page, 'templates-phone');
  await api.dispose();
});

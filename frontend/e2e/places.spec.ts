/**
 * Issue 9, places and timezones: a manager of a Paris office creates a Montreal
 * place on the Places page, a tour date there at 20:00 Montreal time shows as
 * "20:00 (Montreal)" and, for the office, "02:00 +1 j (Paris)" in the planning and
 * the project; the Places page works in French and English, at 1440 px and 390 px,
 * with axe on every state.
 */
import { ApiSession } from './crew-api';
import { expect, expectAccessible, fr, login, msg, navLink, signup, snapshot, test } from './support';

const DESKTOP = { width: 1440, height: 1100 };
const PHONE = { width: 390, height: 844 };

test('a Montreal place and its tour date, on both clocks', async ({ page }) => {
  test.setTimeout(150_000);
  const owner = await signup('places');
  const api = await ApiSession.login(owner);

  await page.setViewportSize(DESKTOP);
  await login(page, owner);
  await navLink(page, fr.nav_places).click();
  await expect(page.getByRole('heading', { level: 1, name: fr.places_title })).toBeVisible();
  await expect(page.getByText(fr.places_empty)).toBeVisible();

  // Create the place through the form (a wrong zone is caught before sending).
  await page.getByRole('button', { name: fr.places_new }).click();
  const form = page.getByRole('form', { name: fr.places_form_new });
  await form.getByLabel(fr.places_field_name).fill('Theatre Outremont');
  await form.getByLabel(fr.places_field_timezone).fill('America/Montreal');
  await form.getByLabel(fr.places_field_address).fill('1248 avenue Bernard, Montreal');
  await form.getByLabel(fr.places_field_latitude).fill('45,5231');
  await expectAccessible(page, 'places-form-desktop');
  await form.getByRole('button', { name: fr.places_create }).click();
  await expect(form.getByText(fr.places_error_coordinates_pair)).toBeVisible();
  await form.getByLabel(fr.places_field_longitude).fill('-73.6076');
  await form.getByRole('button', { name: fr.places_create }).click();
  await expect(page.getByText(msg('places_created', { name: 'Theatre Outremont' }))).toBeVisible();
  const list = page.getByRole('list', { name: fr.places_title });
  await expect(list.getByRole('listitem').filter({ hasText: 'Theatre Outremont' })).toContainText('Montreal (America/Montreal)');
  await expectAccessible(page, 'places-desktop');
  await snapshot(page, 'places-desktop');

  // A tour date there, 20:00-23:00 Montreal time (UTC-4): 02:00-05:00 on Sunday in Paris.
  const { items } = await api.get<{ items: { id: number; name: string }[] }>('/api/v1/places');
  const place = items.find((p) => p.name === 'Theatre Outremont')!;
  const project = await api.post<{ id: number }>('/api/v1/projects', {
    name: 'Tournee Quebec',
    starts_on: '2027-07-05',
    ends_on: '2027-07-11',
  });
  const mission = await api.post<{ starts_at: string; timezone: string }>('/api/v1/missions', {
    project_id: project.id,
    title: 'Concert Montreal',
    starts_at: '2027-07-10T20:00:00-04:00',
    ends_at: '2027-07-10T23:00:00-04:00',
    place_id: place.id,
    roles: [{ name: 'Regie son', quota: 1 }],
  });
  expect(mission).toMatchObject({ starts_at: '2027-07-11T00:00:00Z', timezone: 'America/Montreal' });

  await page.goto('/planning?view=timeGridWeek&date=2027-07-05');
  const event = page.getByRole('group', { name: /^Mission Concert Montreal,/ });
  await expect(event).toContainText('02:00 - 05:00');
  await expect(event).toContainText('20:00 (Montreal)');
  await event.click();
  const panel = page.getByRole('region', { name: 'Concert Montreal' });
  await expect(panel.locator('[data-clock="place"]')).toContainText('20:00 - 23:00 (Montreal)');
  await expect(panel.locator('[data-clock="org"]')).toHaveText('02:00 +1 j - 05:00 +1 j (Paris)');
  await expectAccessible(page, 'places-planning-desktop');
  await snapshot(page, 'places-planning-desktop');

  await page.goto(`/projects/${project.id}`);
  const row = page.getByRole('row').filter({ hasText: 'Concert Montreal' });
  await expect(row).toContainText('20:00 - 23:00 (Montreal)');
  await expect(row).toContainText('02:00 +1 j - 05:00 +1 j (Paris)');
  await expect(row).toContainText('Theatre Outremont');

  // On a phone: the list and the edit form fit, nothing scrolls sideways.
  await page.setViewportSize(PHONE);
  await page.goto('/places');
  await expect(list.getByRole('listitem').filter({ hasText: 'Theatre Outremont' })).toContainText(
    msg('places_missions_one', { count: '1' }),
  );
  await expect(page.getByRole('button', { name: msg('places_delete_of', { name: 'Theatre Outremont' }) })).toBeDisabled();
  await page.getByRole('button', { name: msg('places_edit_of', { name: 'Theatre Outremont' }) }).click();
  const edit = page.getByRole('form', { name: msg('places_form_edit', { name: 'Theatre Outremont' }) });
  await expect(edit.getByLabel(fr.places_field_timezone)).toHaveValue('America/Montreal');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await expectAccessible(page, 'places-edit-phone');
  await snapshot(page, 'places-edit-phone');

  // In English, on choice (on a phone the language sits in the menu drawer).
  await page.getByRole('button', { name: fr.nav_menu_open }).click();
  await page.getByRole('dialog').getByLabel('Langue').selectOption('en');
  await page.getByRole('dialog').getByRole('button', { name: 'Close the menu' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Places' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Edit "Theatre Outremont"' }).getByLabel('Timezone')).toHaveValue('America/Montreal');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await expectAccessible(page, 'places-edit-phone-en');
  await snapshot(page, 'places-edit-phone-en');
  await page.getByRole('button', { name: 'Open the menu' }).click();
  await page.getByRole('dialog').getByLabel('Language').selectOption('fr');
  await page.getByRole('dialog').getByRole('button', { name: fr.nav_menu_close }).click();
  await api.dispose();
});

/**
 * Issue 14, calendar feeds: a person creates "Ajouter a mon agenda" from My Missions, the
 * address (shown once) serves a valid ICS with their accepted mission; regenerating (after a
 * confirmation) kills the old address, deleting kills the new one. On a phone the profile
 * offers the same panel; a manager publishes a project's and a place's calendar and sees
 * whether a colleague subscribed (never the address). Axe at
 * 1440 px and 390 px on every state.
 */
import { request } from '@playwright/test';

import { ApiSession, createUser, inDays } from './crew-api';
import { expect, expectAccessible, fr, login, signup, snapshot, test } from './support';

const DESKTOP = { width: 1440, height: 1100 };
const PHONE = { width: 390, height: 844 };

/** The status and (unfolded) body of a feed address, read without any session (as a calendar app does). */
async function readFeed(url: string): Promise<{ status: number; type: string; body: string }> {
  const anonymous = await request.newContext();
  try {
    const response = await anonymous.get(url);
    // RFC 5545 folds lines at 75 octets: CRLF + a space continues the line.
    const body = (await response.text()).replace(/\r\n[ \t]/g, '');
    return { status: response.status(), type: response.headers()['content-type'] ?? '', body };
  } finally {
    await anonymous.dispose();
  }
}

test('a person subscribes to their missions, regenerates and deletes the link', async ({ page }) => {
  test.setTimeout(180_000);
  const owner = await signup('ics');
  const api = await ApiSession.login(owner);
  const me = await api.get<{ account: { id: number } }>('/api/v1/auth/me');
  const person = await createUser(api, 'Camille', 'Regie', { account_id: me.account.id });
  const place = await api.post<{ id: number }>('/api/v1/places', {
    name: 'Theatre Outremont',
    timezone: 'America/Montreal',
    address: '1248 avenue Bernard, Montreal',
  });
  const project = await api.post<{ id: number }>('/api/v1/projects', { name: 'Tournee Quebec' });
  const mission = await api.post<{ id: number; roles: { id: number }[] }>('/api/v1/missions', {
    project_id: project.id,
    title: 'Concert Montreal',
    starts_at: inDays(5, 23),
    ends_at: inDays(6, 2),
    place_id: place.id,
    roles: [{ name: 'Regie son', quota: 2 }],
  });
  await api.post(`/api/v1/missions/${mission.id}/publish`);
  const assignment = await api.post<{ id: number }>('/api/v1/assignments', {
    mission_role_id: mission.roles[0]!.id,
    user_id: person.id,
  });
  await api.post(`/api/v1/assignments/${assignment.id}/accept`);

  await page.setViewportSize(DESKTOP);
  await login(page, owner);
  await page.goto('/my-missions');
  const panel = page.getByRole('region', { name: fr.calendar_feed_title_mine });
  await expect(panel.getByRole('button', { name: fr.calendar_feed_create })).toBeVisible();
  await expectAccessible(page, 'calendar-feed-none-desktop');

  await panel.getByRole('switch', { name: fr.calendar_feed_include_invited }).click();
  await panel.getByRole('button', { name: fr.calendar_feed_create }).click();
  const address = panel.getByRole('textbox', { name: fr.calendar_feed_url_label });
  await expect(address).toHaveValue(/\/api\/v1\/calendar\/[A-Za-z0-9_-]+\.ics$/);
  const first = await address.inputValue();
  await expect(panel.getByRole('link', { name: fr.calendar_feed_open_apple })).toHaveAttribute('href', /^webcal:\/\//);
  await expect(panel.getByRole('region', { name: fr.calendar_feed_how_title })).toContainText(fr.calendar_feed_how_google);
  await expectAccessible(page, 'calendar-feed-created-desktop');
  await snapshot(page, 'calendar-feed-created-desktop');

  const feed = await readFeed(first);
  expect(feed.status).toBe(200);
  expect(feed.type).toBe('text/calendar; charset=utf-8');
  expect(feed.body).toContain('BEGIN:VCALENDAR');
  expect(feed.body).toContain('SUMMARY:Concert Montreal - Regie son');
  expect(feed.body).toContain('STATUS:CONFIRMED');
  expect(feed.body).toContain('DTSTART;TZID=America/Montreal:');
  expect(feed.body).toContain('BEGIN:VTIMEZONE');

  // Shown once: after a reload only the dates remain.
  await page.reload();
  await expect(panel.getByText(fr.calendar_feed_hidden_hint)).toBeVisible();
  await expect(panel.getByRole('textbox', { name: fr.calendar_feed_url_label })).toHaveCount(0);

  await panel.getByRole('button', { name: fr.calendar_feed_regenerate }).click();
  const confirm = page.getByRole('dialog', { name: fr.calendar_feed_regenerate_title });
  await expect(confirm).toContainText(fr.calendar_feed_regenerate_confirm);
  await expectAccessible(page, 'calendar-feed-regenerate-desktop');
  await confirm.getByRole('button', { name: fr.calendar_feed_regenerate_action }).click();
  await expect(address).toHaveValue(/\.ics$/);
  const second = await address.inputValue();
  expect(second).not.toBe(first);
  expect((await readFeed(first)).status).toBe(404);
  expect((await readFeed(second)).status).toBe(200);

  await panel.getByRole('button', { name: fr.calendar_feed_delete }).click();
  const remove = page.getByRole('dialog', { name: fr.calendar_feed_delete_title });
  await remove.getByRole('button', { name: fr.calendar_feed_delete_action }).click();
  await expect(panel.getByRole('button', { name: fr.calendar_feed_create })).toBeVisible();
  expect((await readFeed(second)).status).toBe(404);

  // On a phone, from the profile: the same panel fits the width.
  await page.setViewportSize(PHONE);
  await page.goto('/profile');
  const mobile = page.getByRole('region', { name: fr.calendar_feed_title_mine });
  await mobile.getByRole('button', { name: fr.calendar_feed_create }).click();
  await expect(mobile.getByRole('textbox', { name: fr.calendar_feed_url_label })).toHaveValue(/\.ics$/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await expectAccessible(page, 'calendar-feed-created-phone');
  await snapshot(page, 'calendar-feed-created-phone');
  await api.dispose();
});

test("a manager publishes a project's and a place's calendar", async ({ page }) => {
  test.setTimeout(150_000);
  const owner = await signup('ics-manager');
  const api = await ApiSession.login(owner);
  const place = await api.post<{ id: number }>('/api/v1/places', { name: 'Cour du chateau' });
  const project = await api.post<{ id: number }>('/api/v1/projects', { name: 'Festival ICS' });
  const mission = await api.post<{ id: number }>('/api/v1/missions', {
    project_id: project.id,
    title: 'Exploitation Cour',
    starts_at: inDays(3, 17),
    ends_at: inDays(3, 22),
    place_id: place.id,
    roles: [{ name: 'Regie son', quota: 2 }],
  });
  await api.post(`/api/v1/missions/${mission.id}/publish`);

  await page.setViewportSize(DESKTOP);
  await login(page, owner);
  await page.goto(`/projects/${project.id}`);
  const projectPanel = page.getByRole('region', { name: fr.calendar_feed_title_project });
  await projectPanel.getByRole('button', { name: fr.calendar_feed_create }).click();
  const address = projectPanel.getByRole('textbox', { name: fr.calendar_feed_url_label });
  await expect(address).toHaveValue(/\.ics$/);
  const feed = await readFeed(await address.inputValue());
  expect(feed.status).toBe(200);
  expect(feed.body).toContain('SUMMARY:Exploitation Cour');
  expect(feed.body).toContain('Regie son : 0/2');
  await expectAccessible(page, 'calendar-feed-project-desktop');
  await snapshot(page, 'calendar-feed-project-desktop');

  await page.setViewportSize(PHONE);
  await page.goto('/places');
  await expect(page.getByRole('combobox', { name: fr.calendar_feed_place_pick })).toHaveValue(String(place.id));
  const placePanel = page.getByRole('region', { name: fr.calendar_feed_title_place });
  await placePanel.getByRole('button', { name: fr.calendar_feed_create }).click();
  const placeAddress = placePanel.getByRole('textbox', { name: fr.calendar_feed_url_label });
  await expect(placeAddress).toHaveValue(/\.ics$/);
  expect((await readFeed(await placeAddress.inputValue())).body).toContain('SUMMARY:Exploitation Cour (Festival ICS)');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await expectAccessible(page, 'calendar-feed-place-phone');
  await snapshot(page, 'calendar-feed-place-phone');

  // A colleague's page: whether they subscribed, never their address.
  const colleague = await createUser(api, 'Paul', 'Gagnon');
  await page.goto(`/users/${colleague.id}`);
  const status = page.getByRole('region', { name: fr.calendar_feed_title_user });
  await expect(status).toContainText(fr.calendar_feed_user_none);
  await expect(status.getByRole('button')).toHaveCount(0);
  await expectAccessible(page, 'calendar-feed-user-phone');
  await api.dispose();
});

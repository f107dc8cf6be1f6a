import { text as notificationsText, type TextKey } from '../../plugins/notifications/frontend/src/catalog';

import { ApiSession, createMission, createTechAccount, createUser, inDays, invite, linkIn } from './crew-api';
import { expect, expectAccessible, fr, login, msg, navLink, signup, snapshot, test, waitForMail } from './support';

/** The notifications plugin's own words (French), from its catalog. */
const notif = (key: TextKey, vars?: Record<string, string | number>) => notificationsText('fr', key, vars);

test('my missions: a tech declines with a reason and accepts another', async ({ page }) => {
  const owner = await signup('missions');
  const api = await ApiSession.login(owner);
  const tech = await createTechAccount(api, owner, 'tech-lou');
  const user = await createUser(api, 'Lou', 'Martin', { account_id: tech.accountId });
  const project = await api.post<{ id: number }>('/api/v1/projects', { name: 'Festival e2e' });
  const opening = await createMission(api, project.id, 'Concert Ouverture', inDays(3, 17), inDays(3, 22));
  const jazz = await createMission(api, project.id, 'Balance Jazz', inDays(5, 12), inDays(5, 16));
  await invite(api, opening.roleId, user.id);
  await invite(api, jazz.roleId, user.id);
  await api.dispose();

  await login(page, tech);
  await navLink(page, fr.nav_my_missions).click();
  await expect(page.getByRole('heading', { level: 1, name: fr.my_missions_title })).toBeVisible();
  const waiting = page.getByRole('region', { name: /^\u00c0 r\u00e9pondre/ });
  await expect(waiting.getByRole('heading', { name: 'Concert Ouverture' })).toBeVisible();
  await expect(waiting.getByRole('heading', { name: 'Balance Jazz' })).toBeVisible();
  await expectAccessible(page, 'my-missions');
  await snapshot(page, 'my-missions');

  await page.getByRole('button', { name: msg('my_missions_decline_of', { title: 'Concert Ouverture' }) }).click();
  const dialog = page.getByRole('dialog', { name: msg('my_missions_decline_title', { title: 'Concert Ouverture' }) });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(fr.field_decline_reason).fill('deja pris ce soir-la');
  await expectAccessible(page, 'my-missions-decline-dialog');
  await dialog.getByRole('button', { name: fr.action_decline }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: msg('my_missions_declined', { title: 'Concert Ouverture' }) })).toBeVisible();
  const declined = page.getByRole('region', { name: /^Refus\u00e9es/ });
  await expect(declined.getByRole('heading', { name: 'Concert Ouverture' })).toBeVisible();
  await expect(declined.getByText(msg('my_missions_reason', { reason: 'deja pris ce soir-la' }))).toBeVisible();

  await page.getByRole('button', { name: msg('my_missions_accept_of', { title: 'Balance Jazz' }) }).click();
  await expect(page.getByRole('region', { name: new RegExp(`^${fr.my_missions_section_upcoming}`) }).getByRole('heading', { name: 'Balance Jazz' })).toBeVisible();
  await expect(page.getByRole('region', { name: /^\u00c0 r\u00e9pondre/ })).toHaveCount(0);
  await snapshot(page, 'my-missions-answered');
});

test('public invitation link: accept without a session, then a replay says already accepted', async ({ browser, csp }) => {
  const owner = await signup('public-link');
  const api = await ApiSession.login(owner);
  const user = await createUser(api, 'Sacha', 'Leroy');
  const project = await api.post<{ id: number }>('/api/v1/projects', { name: 'Festival public' });
  const mission = await createMission(api, project.id, 'Montage scene', inDays(4, 8), inDays(4, 12));
  await invite(api, mission.roleId, user.id);
  const created = await api.get<{ items: { email: string | null }[] }>(`/api/v1/users?q=Sacha`);
  const email = created.items[0]!.email!;
  await api.dispose();

  const mail = await waitForMail(owner, email, 'Montage scene');
  const path = linkIn(mail, /\/invitations\/\d+\?token=/);

  // A fresh context: no cookies, as on the crew member's phone.
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  await csp.watch(context);
  const page = await context.newPage();
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: fr.invitation_title })).toBeVisible();
  await expect(page).toHaveURL(/\/invitations\//); // no redirect to login
  // The mission comes first: what, which role, whose org, before any answer.
  await expect(page.getByText('Montage scene')).toBeVisible();
  await expect(page.getByText(msg('invitation_intro', { org: owner.orgName }))).toBeVisible();
  await expect(page.getByText(msg('invitation_time_zone', { zone: msg('time_zone_city', { city: 'Paris' }) }))).toBeVisible(); // in the org's timezone
  await expectAccessible(page, 'invitation');
  await snapshot(page, 'invitation');
  await page.getByRole('button', { name: fr.action_accept }).click();
  await expect(page.getByRole('status').filter({ hasText: fr.invitation_accepted })).toBeVisible();
  await expect(page.getByText('Montage scene')).toBeVisible();
  await expectAccessible(page, 'invitation-accepted');
  await snapshot(page, 'invitation-accepted');

  // The next day, the same link again: it says "already accepted" and offers nothing to click.
  await page.goto(path);
  await expect(page.getByRole('status').filter({ hasText: fr.invitation_already_accepted })).toBeVisible();
  await expect(page.getByText('Montage scene')).toBeVisible();
  await expect(page.getByRole('button', { name: fr.action_accept })).toHaveCount(0);

  // A forged token looks like a missing invitation.
  await page.goto(path.replace(/token=[^&]+/, 'token=forged'));
  await expect(page.getByRole('alert')).toContainText(fr.invitation_not_found_title);
  await expect(page.getByRole('button', { name: fr.action_accept })).toHaveCount(0);
  await context.close();
});

test('conflicts: a double booking is resolved with the first suggestion in one click', async ({ page }) => {
  const owner = await signup('conflicts');
  const api = await ApiSession.login(owner);
  const busy = await createUser(api, 'Alex', 'Double');
  await createUser(api, 'Noa', 'Libre');
  const project = await api.post<{ id: number }>('/api/v1/projects', { name: 'Festival conflits' });
  const first = await createMission(api, project.id, 'Concert A', inDays(2, 16), inDays(2, 20));
  const second = await createMission(api, project.id, 'Concert B', inDays(2, 18), inDays(2, 22));
  await invite(api, first.roleId, busy.id);
  await invite(api, second.roleId, busy.id);
  await api.dispose();

  await login(page, owner);
  await navLink(page, fr.nav_conflicts).click();
  await expect(page.getByRole('heading', { level: 1, name: fr.conflicts_title })).toBeVisible();
  const card = page.getByRole('article', { name: new RegExp(`${fr.conflict_kind_overlap}.*Alex Double`) });
  await expect(card).toBeVisible();
  await expect(card.getByRole('listitem').filter({ hasText: 'Noa Libre' })).toBeVisible();
  await expectAccessible(page, 'conflicts');
  await snapshot(page, 'conflicts');

  // Issue 10: Replace asks first, then says what it did inside the conflict's own card.
  await card.getByRole('button', { name: msg('conflicts_replace_with', { who: 'Alex Double', name: 'Noa Libre' }) }).click();
  const dialog = page.getByRole('dialog', { name: msg('conflicts_replace_title', { who: 'Alex Double', name: 'Noa Libre' }) });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'conflicts-replace-confirm');
  await dialog.getByRole('button', { name: fr.conflicts_replace }).click();
  const done = msg('conflicts_replaced_here', { name: 'Noa Libre', who: 'Alex Double' });
  await expect(card.getByRole('status').filter({ hasText: done })).toBeVisible();
  await expect(card.getByRole('button', { name: msg('conflicts_replace_with', { who: 'Alex Double', name: 'Noa Libre' }) })).toHaveCount(0);
  await expect(page.getByRole('button', { name: msg('undo_for', { message: done }) })).toBeVisible();
  await expectAccessible(page, 'conflicts-replaced');
  // The report has no conflict left once reloaded: the replacement took the place.
  await page.reload();
  await expect(page.getByText(fr.conflicts_empty)).toBeVisible();
});

test('users: search, profile with agenda, and an availability request approved by a manager', async ({ page }) => {
  const owner = await signup('users');
  const api = await ApiSession.login(owner);
  const tech = await createTechAccount(api, owner, 'tech-eli');
  const eli = await createUser(api, 'Eli', 'Moreau', {
    account_id: tech.accountId,
    skills: [{ name: 'son', level: 3 }],
    tags: ['cariste'],
    legal_ids: { siret: '73282932000074' },
  });
  await createUser(api, 'Jo', 'Lumiere', { employment_type: 'CDI', skills: [{ name: 'lumiere', level: 2 }] });
  await api.dispose();
  const techApi = await ApiSession.login(tech);
  await techApi.post('/api/v1/availability', {
    user_id: eli.id,
    kind: 'unavailable',
    starts_at: inDays(6, 8),
    ends_at: inDays(6, 18),
    note: 'rendez-vous medical',
  });
  await techApi.dispose();

  await login(page, owner);
  await navLink(page, fr.nav_users).click();
  await expect(page.getByRole('heading', { level: 1, name: fr.users_title })).toBeVisible();
  await expect(page.getByText('rendez-vous medical')).toBeVisible();
  await page.getByRole('textbox', { name: fr.users_filter_skill, exact: true }).fill('son');
  await page.getByRole('button', { name: fr.users_search_submit }).click();
  await expect(page.getByRole('rowheader', { name: /Eli Moreau/ })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: /Jo Lumiere/ })).toHaveCount(0);
  await expectAccessible(page, 'users');
  await snapshot(page, 'users');

  await page.getByRole('button', { name: fr.availability_approve }).click();
  await expect(page.getByText(fr.availability_pending_empty)).toBeVisible();

  await page.getByRole('rowheader', { name: /Eli Moreau/ }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Eli Moreau' })).toBeVisible();
  await expect(page.getByText('73282932000074')).toBeVisible();
  await expect(page.getByText(fr.availability_status_approved)).toBeVisible();
  // A weekly window (RRULE) added by the manager is approved at once.
  await page.getByLabel(fr.availability_weekly).check();
  await page.getByLabel(fr.availability_first_date).fill(inDays(1, 12).slice(0, 10));
  await page.getByLabel(fr.weekday_mo).check();
  await page.getByLabel(fr.weekday_th).check();
  await page.getByRole('button', { name: fr.availability_add_submit }).click();
  await expect(page.getByRole('status').filter({ hasText: fr.availability_saved })).toBeVisible();
  await expect(page.getByText(/chaque lundi, jeudi/)).toBeVisible();
  await expectAccessible(page, 'user-profile');
  await snapshot(page, 'user-profile');
});

test('notifications: the plugin brings its pages and header bell; its settings are saved', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/plugins/notifications/assets/')) fetched.push(new URL(request.url()).pathname);
  });
  const owner = await signup('notifications');
  const api = await ApiSession.login(owner);
  const plugins = await api.get<{ items: { name: string }[] }>('/api/v1/orgs/current/plugins?page_size=200');
  test.skip(!plugins.items.some((plugin) => plugin.name === 'notifications'), 'notifications plugin not installed');
  await login(page, owner);
  await expect(navLink(page, notif('title'))).toHaveCount(0);
  await expect(page.getByRole('banner').getByLabel(notif('title'), { exact: true })).toHaveCount(0);
  await api.dispose();
  // Disabled plugin: none of its modules is downloaded.
  expect(fetched).toEqual([]);

  await page.goto('/settings/plugins');
  await page.getByRole('switch', { name: /Notifications/i }).first().click();
  await expect(navLink(page, notif('title'))).toBeVisible();
  await navLink(page, notif('title')).click();
  await expect(page).toHaveURL(/\/plugins\/notifications\/inbox$/);
  await expect(page.getByRole('heading', { level: 1, name: notif('title') })).toBeVisible();
  // The header bell: the plugin's widget, loaded once the plugin is enabled.
  await expect(page.getByRole('banner').getByLabel(notif('title'), { exact: true })).toBeVisible();
  expect(fetched).toContain('/plugins/notifications/assets/bell.js');
  await expectAccessible(page, 'notifications at 1440 px');
  await snapshot(page, 'notifications');

  // The settings page (settings menu, also linked from the inbox): channels per kind.
  await navLink(page, notif('preferences_title')).click();
  await expect(page).toHaveURL(/\/plugins\/notifications\/preferences$/);
  await expect(page.getByRole('heading', { level: 1, name: notif('preferences_title') })).toBeVisible();
  const reminders = page.getByRole('group', { name: notif('kind_reminder') });
  const reminderEmail = reminders.getByRole('checkbox', { name: notif('channel_email') });
  await expect(reminderEmail).toBeChecked();
  await expect(page.getByText(notif('telegram_unavailable'))).toBeVisible();
  await expectAccessible(page, 'notification settings at 1440 px');
  await snapshot(page, 'notification-settings');
  await reminderEmail.uncheck();
  await page.getByRole('button', { name: notif('save') }).click();
  await expect(page.getByRole('status').filter({ hasText: notif('saved') })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('group', { name: notif('kind_reminder') }).getByRole('checkbox', { name: notif('channel_email') })).not.toBeChecked();
  await expect(page.getByRole('group', { name: notif('kind_reminder') }).getByRole('checkbox', { name: notif('channel_in_app') })).toBeChecked();
});

/**
 * Issue 14, "Availability requests": a manager at 1440 px asks two people for their
 * availability over three days in two slots (the evening one crossing midnight); one of
 * them answers from a phone (390 px) through the emailed link, without an account; the
 * manager sees the heat map and the people x days table, and reminds the one who has not
 * answered. Axe on each screen. Then the "asks 30 people for availability and sees
 * the heat map": on the planning, per day, at 1440 and 390 px.
 */
import { request as http } from '@playwright/test';

import { ApiSession, createUser, inDays, linkIn } from './crew-api';
import { expect, expectAccessible, fr, login, msg, signup, snapshot, test, waitForMail } from './support';

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

test('a manager asks for availability, a technician answers from the phone, the heat map fills', async ({ browser }) => {
  test.setTimeout(180_000);
  const owner = await signup('doodle');
  const api = await ApiSession.login(owner);
  const lea = await createUser(api, 'Lea', 'Garnier');
  await createUser(api, 'Max', 'Roux');
  const users = await api.get<{ items: { id: number; email: string; first_name: string }[] }>('/api/v1/users?page_size=50');
  const leaEmail = users.items.find((user) => user.id === lea.id)!.email;
  const first = inDays(20, 12).slice(0, 10);
  const last = inDays(22, 12).slice(0, 10);

  // The manager creates the request.
  const desktop = await browser.newContext({ viewport: DESKTOP });
  const page = await desktop.newPage();
  await login(page, owner);
  await page.goto('/availability-requests');
  await expect(page.getByRole('heading', { level: 1, name: fr.availability_requests_title })).toBeVisible();
  await expect(page.getByText(fr.availability_requests_empty)).toBeVisible();
  await page.getByRole('button', { name: fr.availability_request_new }).click();
  await page.getByLabel(fr.availability_request_field_title, { exact: true }).fill('Festival 2027');
  await page.getByLabel(fr.availability_request_field_starts_on, { exact: true }).fill(first);
  await page.getByLabel(fr.availability_request_field_ends_on, { exact: true }).fill(last);
  await page.getByLabel(fr.availability_request_field_deadline, { exact: true }).fill(`${inDays(10, 12).slice(0, 10)}T18:00`);
  await page.getByRole('button', { name: fr.availability_request_slot_add }).click();
  await page.getByRole('button', { name: fr.availability_request_slot_add }).click();
  const names = page.getByLabel(fr.availability_request_slot_label, { exact: true });
  await names.nth(0).fill('Montage');
  await names.nth(1).fill('Soir');
  await page.getByLabel(fr.availability_request_slot_start, { exact: true }).nth(1).fill('18:00');
  await page.getByLabel(fr.availability_request_slot_end, { exact: true }).nth(1).fill('02:00');
  await page.getByLabel('Lea Garnier').check();
  await page.getByLabel('Max Roux').check();
  await expectAccessible(page, 'availability-request-new');
  await page.getByRole('button', { name: fr.availability_request_send }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Festival 2027' })).toBeVisible();
  await expect(page.getByText(msg('availability_request_answered_of', { answered: '0', total: '2' }))).toBeVisible();
  const url = page.url();

  // Lea answers from her phone, through her link, without an account.
  const mail = await waitForMail(owner, leaEmail, 'disponibilites');
  const link = linkIn(mail, /\/availability-answers\/\d+\?token=/);
  const phone = await browser.newContext({ viewport: PHONE });
  const mobile = await phone.newPage();
  await mobile.goto(link);
  await expect(mobile.getByRole('heading', { level: 1, name: fr.availability_answer_title })).toBeVisible();
  await expect(mobile.getByRole('heading', { name: 'Festival 2027' })).toBeVisible();
  await expectAccessible(mobile, 'availability-answer-phone');
  await mobile.getByRole('button', { name: fr.availability_answer_all_yes }).click();
  const firstDay = mobile.getByRole('listitem').first();
  await firstDay.getByRole('group', { name: /Soir/ }).getByRole('radio', { name: new RegExp(`${fr.availability_answer_no}$`) }).check({ force: true });
  await mobile.getByRole('button', { name: fr.availability_answer_submit }).click();
  await expect(mobile.getByText(fr.availability_answer_saved)).toBeVisible();
  const scrolls = await mobile.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(scrolls).toBe(false);
  await snapshot(mobile, 'availability-answer-phone');
  await phone.close();

  // The manager sees the answers and reminds Max.
  await page.goto(url);
  await expect(page.getByText(msg('availability_request_answered_of', { answered: '1', total: '2' }))).toBeVisible();
  await expect(page.getByTestId(`heat-${first}-montage`)).toHaveText(
    msg('availability_heat_cell', { yes: '1', if_needed: '0', no: '0', no_answer: '1' }),
  );
  await expect(page.getByTestId(`heat-${first}-soir`)).toHaveText(
    msg('availability_heat_cell', { yes: '0', if_needed: '0', no: '1', no_answer: '1' }),
  );
  const leaRow = page.getByRole('row').filter({ hasText: 'Lea Garnier' });
  await expect(leaRow.getByText(fr.availability_answer_no, { exact: true })).toHaveCount(1);
  await expect(leaRow.getByText(fr.availability_answer_yes, { exact: true })).toHaveCount(5);
  await expectAccessible(page, 'availability-request-detail');
  await snapshot(page, 'availability-request-detail');
  await page.getByRole('button', { name: fr.availability_request_remind }).click();
  await expect(page.getByText(msg('availability_request_reminded_one', { count: '1' }))).toBeVisible();

  // The answers are availability windows of Lea.
  const windows = await api.get<{ items: { kind: string }[] }>(`/api/v1/availability/windows?user=${lea.id}`);
  expect(windows.items.map((w) => w.kind).sort()).toEqual(['available', 'available', 'available', 'available', 'available', 'unavailable']);
  await desktop.close();
  await api.dispose();
});

test('a manager asks 30 people for availability and reads the heat map on the planning', async ({ browser }) => {
  test.setTimeout(180_000);
  const owner = await signup('heat');
  const api = await ApiSession.login(owner);
  for (let n = 1; n <= 30; n += 1) await createUser(api, `Heat${n}`, 'Crew');
  const people = (await api.get<{ items: { id: number; email: string }[] }>('/api/v1/users?page_size=50')).items;
  expect(people).toHaveLength(30);
  const first = inDays(20, 12).slice(0, 10);
  const second = inDays(21, 12).slice(0, 10);
  const request = await api.post<{ id: number }>('/api/v1/availability-requests', {
    title: 'Festival 2027',
    starts_on: first,
    ends_on: second,
    user_ids: people.map((p) => p.id),
    deadline: inDays(10, 12),
  });
  // Three of them answer through their own link, without an account: yes, if needed, no.
  const public_ = await http.newContext({ baseURL: process.env.E2E_BASE_URL });
  for (const [index, answer] of ['yes', 'if_needed', 'no'].entries()) {
    const mail = await waitForMail(owner, people[index]!.email, 'disponibilites');
    const link = new URL(linkIn(mail, /\/availability-answers\/\d+\?token=/), 'http://x');
    const id = link.pathname.split('/').pop();
    const answered = await public_.put(`/api/v1/availability-answers/${id}?token=${link.searchParams.get('token')}`, {
      data: { answers: [{ day: first, slot: '', answer }] },
    });
    expect(answered.status(), await answered.text()).toBe(200);
  }

  const desktop = await browser.newContext({ viewport: DESKTOP });
  const page = await desktop.newPage();
  await login(page, owner);
  await page.goto(`/planning?date=${first}&view=dayGridMonth`);
  const toggle = page.getByRole('button', { name: fr.planning_heat_toggle });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  const strip = page.getByRole('list', { name: fr.planning_heat_title });
  const day = strip.getByTestId(`planning-heat-${first}`);
  await expect(day).toHaveText(new RegExp(msg('planning_heat_cell', { available: '2', asked: '30' })));
  await expect(day).toHaveAttribute('aria-label', /1 oui, 1 si besoin, 1 non, 27 sans r.ponse sur 30$/);
  await expect(strip.getByTestId(`planning-heat-${second}`)).toHaveText(new RegExp(msg('planning_heat_cell', { available: '0', asked: '30' })));
  await expectAccessible(page, 'planning-heat');
  await snapshot(page, 'planning-heat');
  await day.click();
  await expect(page).toHaveURL(new RegExp(`/availability-requests/${request.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Festival 2027' })).toBeVisible();

  // On a phone, the same strip above the day's agenda.
  const phone = await browser.newContext({ viewport: PHONE });
  const mobile = await phone.newPage();
  await login(mobile, owner);
  await mobile.goto(`/planning?date=${first}&heat=1`);
  await expect(mobile.getByRole('list', { name: fr.planning_heat_title }).getByTestId(`planning-heat-${first}`)).toBeVisible();
  expect(await mobile.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
  await expectAccessible(mobile, 'planning-heat-phone');
  await snapshot(mobile, 'planning-heat-phone');
  await phone.close();
  await desktop.close();
  await public_.dispose();
  await api.dispose();
});

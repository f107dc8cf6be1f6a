/**
 * Issue 11, org API keys in the web app: an owner creates a key with two read rights,
 * sees it once (copy button, warning), the key reads projects over plain HTTP with
 * `Authorization: Bearer` and is refused a write (403 api_key.insufficient_scope); once
 * dismissed the key is gone from the page, the list shows its last use, and revoking it
 * (with confirmation) makes the next call a 401 api_key.revoked. A tech has no menu
 * entry and the page says it is for owners and admins.
 */
import { request } from '@playwright/test';

import { ApiSession, createTechAccount } from './crew-api';
import { expect, expectAccessible, fr, login, msg, navLink, signup, snapshot, test } from './support';

test('an owner creates a scoped key, sees it once, uses it with curl-like calls and revokes it', async ({ page, context }) => {
  test.setTimeout(150_000);
  const owner = await signup('apikeys');
  const api = await ApiSession.login(owner);
  await api.post('/api/v1/projects', { name: 'Festival cles', starts_on: '2027-07-05', ends_on: '2027-07-11' });
  const tech = await createTechAccount(api, owner, 'apikeys-tech');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);

  await login(page, owner);
  await navLink(page, fr.nav_api_keys).click();
  await expect(page.getByRole('heading', { level: 1, name: fr.api_keys_title })).toBeVisible();
  await expect(page.getByText(fr.api_keys_empty)).toBeVisible();

  const form = page.getByRole('form', { name: fr.api_keys_create_title });
  await form.getByLabel(fr.api_keys_field_name).fill('Export paie');
  await form.getByRole('checkbox', { name: msg('api_keys_scope_read_of', { area: fr.api_keys_area_projects }) }).check();
  await form.getByRole('checkbox', { name: msg('api_keys_scope_read_of', { area: fr.api_keys_area_missions }) }).check();
  await form.getByRole('button', { name: fr.api_keys_create_submit }).click();

  const value = page.getByRole('textbox', { name: fr.api_keys_created_value });
  await expect(value).toHaveValue(/^ck_[A-Za-z0-9_-]{43}$/);
  const key = await value.inputValue();
  await expect(page.getByText(fr.api_keys_created_warning)).toBeVisible();
  await page.getByRole('button', { name: fr.api_keys_copy }).click();
  await expect(page.getByText(fr.api_keys_copied)).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await expectAccessible(page, 'api-keys-created');
  await snapshot(page, 'api-keys-created');

  // The key as an integration uses it: no cookie, no CSRF token.
  const client = await request.newContext({ baseURL: process.env.E2E_BASE_URL, extraHTTPHeaders: { Authorization: `Bearer ${key}` } });
  const projects = await client.get('/api/v1/projects');
  expect(projects.status(), await projects.text()).toBe(200);
  expect(((await projects.json()) as { items: { name: string }[] }).items.map((p) => p.name)).toEqual(['Festival cles']);
  const write = await client.post('/api/v1/projects', { data: { name: 'Non', starts_on: '2027-08-01', ends_on: '2027-08-02' } });
  expect(write.status()).toBe(403);
  expect(((await write.json()) as { error: { code: string } }).error.code).toBe('api_key.insufficient_scope');

  await page.getByRole('button', { name: fr.api_keys_created_done }).click();
  await expect(value).toHaveCount(0);
  await page.reload();
  const row = page.getByRole('row', { name: /Export paie/ });
  await expect(row).toContainText('ck_');
  await expect(row).toContainText(fr.api_keys_state_active);
  // its last use, a date and time (creation and expiry show a date only)
  await expect(row).toContainText(/\d{1,2}:\d{2}/);
  expect(await page.content()).not.toContain(key);

  await row.getByRole('button', { name: msg('api_keys_revoke_of', { name: 'Export paie' }) }).click();
  const dialog = page.getByRole('dialog', { name: fr.api_keys_revoke_title });
  await dialog.getByRole('button', { name: fr.api_keys_revoke }).click();
  await expect(row).toContainText(fr.api_keys_state_revoked);
  const refused = await client.get('/api/v1/projects');
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('api_key.revoked');
  await client.dispose();
  await expectAccessible(page, 'api-keys-list');

  // A tech has no menu entry, and the page says it is not theirs.
  await page.context().clearCookies();
  await login(page, tech);
  await expect(navLink(page, fr.nav_members)).toBeVisible();
  await expect(navLink(page, fr.nav_api_keys)).toHaveCount(0);
  await page.goto('/settings/api-keys');
  await expect(page.getByText(fr.api_keys_forbidden)).toBeVisible();
});

/**
 * Two-step verification (issue 13), on a desktop and on a phone: enrolment from the
 * profile (QR code, manual key, first code, recovery codes shown once), the login's
 * second step, a trusted device that skips it until it is revoked, and a recovery code.
 * Codes are computed here with RFC 6238 (HMAC-SHA1, 30 s, 6 digits) from the manual key.
 */
import { createHmac } from 'node:crypto';

import type { Page } from '@playwright/test';

import { expect, expectAccessible, fr, navLink, signup, snapshot, test, type Account } from './support';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'; // pragma: allowlist secret (RFC 4648 alphabet)

function base32Decode(text: string): Buffer {
  let bits = '';
  for (const char of text.replace(/=+$/, '').toUpperCase()) {
    const value = BASE32.indexOf(char);
    if (value < 0) throw new Error(`not base32: ${char}`);
    bits += value.toString(2).padStart(5, '0');
  }
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

function totp(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const digest = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  const value = (digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, '0');
}

const currentStep = () => Math.floor(Date.now() / 30_000);

/**
 * The server refuses a code of a step it already accepted (no replay) and accepts one step
 * ahead of its clock: the next code is that of the step after the last one used.
 */
class Authenticator {
  private last = 0;

  constructor(readonly secret: string) {}

  next(): string {
    const step = Math.max(currentStep(), this.last + 1);
    this.last = step;
    return totp(this.secret, step);
  }
}

async function passwordStep(page: Page, account: Account): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(fr.field_email).fill(account.email);
  await page.getByLabel(fr.field_password, { exact: true }).fill(account.password);
  await page.getByRole('button', { name: fr.login_submit }).click();
}

async function logout(page: Page): Promise<void> {
  const narrow = (page.viewportSize()?.width ?? 1440) < 768;
  if (narrow) await page.getByRole('button', { name: fr.nav_menu_open }).click();
  await page.getByRole('button', { name: fr.logout }).click();
  await expect(page).toHaveURL(/\/login$/);
}

async function openProfile(page: Page): Promise<void> {
  const narrow = (page.viewportSize()?.width ?? 1440) < 768;
  if (narrow) await page.getByRole('button', { name: fr.nav_menu_open }).click();
  await navLink(page, fr.nav_profile).click();
  await expect(page.getByRole('heading', { level: 1, name: fr.profile_title })).toBeVisible();
}

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

const home = (page: Page) => page.getByRole('heading', { level: 1, name: /^Bonjour/ });

for (const viewport of [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
]) {
  test(`two-step verification on a ${viewport.name} (${viewport.width} px)`, async ({ page }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    const owner = await signup(`mfa-${viewport.name}`);
    await passwordStep(page, owner);
    await expect(home(page)).toBeVisible();

    // Enrolment from the profile's security section.
    await openProfile(page);
    await page.getByRole('button', { name: fr.mfa_enrol_start }).click();
    await expect(page.getByRole('img', { name: fr.mfa_enrol_qr_alt })).toBeVisible();
    const secret = (await page.getByTestId('mfa-secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const app = new Authenticator(secret);
    await expectAccessible(page, `mfa-enrol-${viewport.name}`);
    await expectNoHorizontalScroll(page);
    await page.getByLabel(fr.field_mfa_code).fill(app.next());
    await page.getByRole('button', { name: fr.mfa_enrol_confirm }).click();
    const codes = page.getByRole('list', { name: fr.mfa_recovery_codes }).getByRole('listitem');
    await expect(codes).toHaveCount(10);
    const recovery = (await codes.allTextContents()).map((c) => c.trim());
    await expectAccessible(page, `mfa-recovery-codes-${viewport.name}`);
    await snapshot(page, `mfa-recovery-codes-${viewport.name}`);
    await page.getByRole('button', { name: fr.mfa_recovery_codes_saved }).click();
    await expect(page.getByText(fr.mfa_status_on)).toBeVisible();
    await expectNoHorizontalScroll(page);

    // The password alone no longer opens the app: the code does, and this browser is trusted.
    await logout(page);
    await passwordStep(page, owner);
    const code = page.getByLabel(fr.field_mfa_code);
    await expect(code).toBeVisible();
    await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    await expect(code).toHaveAttribute('inputmode', 'numeric');
    await expectAccessible(page, `mfa-login-${viewport.name}`);
    await snapshot(page, `mfa-login-${viewport.name}`);
    await expectNoHorizontalScroll(page);
    await code.fill('000000');
    await page.getByRole('button', { name: fr.login_mfa_submit }).click();
    await expect(page.getByRole('alert')).toHaveText(fr.error_auth_mfa_invalid_code);
    await code.fill(app.next());
    await page.getByLabel(fr.login_mfa_trust_device).check();
    await page.getByRole('button', { name: fr.login_mfa_submit }).click();
    await expect(home(page)).toBeVisible();

    await logout(page);
    await passwordStep(page, owner);
    await expect(home(page)).toBeVisible();

    // Revoking the device brings the second step back; a recovery code passes it once.
    await openProfile(page);
    await expect(page.getByText(fr.mfa_devices_current)).toBeVisible();
    await page.getByRole('button', { name: fr.mfa_devices_revoke }).click();
    await expect(page.getByText(fr.mfa_devices_none)).toBeVisible();
    await expectAccessible(page, `mfa-enabled-${viewport.name}`);
    await expectNoHorizontalScroll(page);
    await logout(page);
    await passwordStep(page, owner);
    await page.getByRole('button', { name: fr.login_mfa_use_recovery }).click();
    await page.getByLabel(fr.field_recovery_code).fill(recovery[0]!);
    await page.getByRole('button', { name: fr.login_mfa_submit }).click();
    await expect(home(page)).toBeVisible();
  });
}

test('org policy: an owner without a second factor who turns it on can only enrol, then gets the app back', async ({ page }) => {
  const owner = await signup('mfa-policy');
  await passwordStep(page, owner);
  await expect(home(page)).toBeVisible();
  await navLink(page, 'Membres').click();
  const policy = page.getByRole('switch', { name: fr.mfa_policy_label });
  await expect(policy).toHaveAttribute('aria-checked', 'false');
  await expectAccessible(page, 'mfa-policy');
  await policy.click();

  // The session is limited to enrolment: the app shows only the enrolment screen.
  await expect(page.getByRole('heading', { level: 1, name: fr.mfa_gate_title })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toHaveCount(0);
  await page.getByRole('button', { name: fr.mfa_enrol_start }).click();
  const secret = (await page.getByTestId('mfa-secret').textContent())?.trim() ?? '';
  await expectAccessible(page, 'mfa-gate');
  await snapshot(page, 'mfa-gate');
  await page.getByLabel(fr.field_mfa_code).fill(new Authenticator(secret).next());
  await page.getByRole('button', { name: fr.mfa_enrol_confirm }).click();
  await expect(page.getByRole('list', { name: fr.mfa_recovery_codes }).getByRole('listitem')).toHaveCount(10);
  await page.getByRole('button', { name: fr.mfa_recovery_codes_saved }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Membres' })).toBeVisible();
  await expect(page.getByRole('switch', { name: fr.mfa_policy_label })).toHaveAttribute('aria-checked', 'true');
});

/**
 * The web app under its Content-Security-Policy: public pages (login, an invitation
 * link, a reset link) and the signed-in home render with no CSP violation (the
 * fixture in support.ts fails the test on any), with the expected headers.
 */
import { expect, fr, login, signup, test } from './support';

test('public and signed-in pages render under the CSP, token pages send no Referer', async ({ page }) => {
  const response = await page.goto('/login');
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');

  const invitation = await page.goto('/invitations/1?token=forged');
  expect(invitation!.headers()['referrer-policy']).toBe('no-referrer');
  await expect(page.getByRole('heading', { level: 1, name: fr.invitation_title })).toBeVisible();

  const reset = await page.goto('/reset-password?token=forged');
  expect(reset!.headers()['referrer-policy']).toBe('no-referrer');
  await expect(page.getByRole('heading', { level: 1, name: 'Nouveau mot de passe' })).toBeVisible();

  await login(page, await signup('csp'));
});

/**
 * Webhooks from the web app: an admin adds an endpoint (a local HTTP receiver), sees its
 * secret once, sends a signed test request, which the receiver gets, and reads it in
 * the delivery log; then disables and deletes the endpoint. At 1440 and 390 px, with axe.
 */
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { text } from '../../plugins/webhooks/frontend/src/catalog';

import { ApiSession } from './crew-api';
import { expect, expectAccessible, login, navLink, signup, snapshot, test } from './support';

const t = (key: Parameters<typeof text>[1], vars?: Record<string, string | number>) => text('fr', key, vars);

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`webhooks at ${viewport.width} px: add an endpoint, test it against a real receiver, read its log, delete it`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const received: { signature: string; body: string }[] = [];
    const receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ signature: String(request.headers['coulisses-signature'] ?? ''), body: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(200, { 'Content-Type': 'text/plain' });
        response.end('ok');
      });
    });
    await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/coulisses`;
    try {
      const owner = await signup(`webhooks-${viewport.width}`);
      const api = await ApiSession.login(owner);
      await api.patch('/api/v1/orgs/current/plugins/webhooks', { enabled: true });
      await api.dispose();

      await login(page, owner);
      if (viewport.width < 768) {
        await page.goto('/plugins/webhooks/endpoints');
      } else {
        await navLink(page, 'Webhooks').click();
      }
      await expect(page).toHaveURL(/\/plugins\/webhooks\/endpoints$/);
      await expect(page.getByRole('heading', { level: 1, name: t('title') })).toBeVisible();
      await expect(page.getByText(t('empty'))).toBeVisible();
      await expectAccessible(page, `webhooks at ${viewport.width} px`);

      await page.getByLabel(t('url')).fill(url);
      await page.getByLabel(t('description')).fill('Recepteur de test');
      await page.getByRole('button', { name: t('create') }).click();
      const secret = page.getByText(t('secret_title', { url }));
      await expect(secret).toBeVisible();
      const key = (await page.locator('code').first().textContent()) ?? '';
      expect(key.length).toBeGreaterThan(20);
      await expectAccessible(page, `webhooks secret at ${viewport.width} px`);
      await page.getByRole('button', { name: t('hide_secret') }).click();
      await expect(secret).toHaveCount(0);

      const actions = page.getByRole('group', { name: t('actions_of', { url }) });
      await actions.getByRole('button', { name: t('ping') }).click();
      await expect(page.getByText(t('ping_sent'))).toBeVisible();
      await expect.poll(() => received.length, { timeout: 20_000 }).toBeGreaterThan(0);
      // Signed with the secret the page showed: HMAC-SHA256 of "<t>.<body>" (docs/webhooks.md).
      const [, stamp = '', digest = ''] = /^t=(\d+),v1=([0-9a-f]+)$/.exec(received[0]!.signature) ?? [];
      expect(createHmac('sha256', key).update(`${stamp}.${received[0]!.body}`).digest('hex')).toBe(digest);
      expect(JSON.parse(received[0]!.body)).toMatchObject({ type: 'webhooks.ping' });
      // The log says it arrived once it is read again.
      await expect(async () => {
        await page.reload();
        await page.getByRole('group', { name: t('actions_of', { url }) }).getByRole('button', { name: t('log') }).click();
        await expect(page.getByRole('region', { name: t('log_of', { url }) }).getByText(t('status_delivered'))).toBeVisible({ timeout: 2_000 });
      }).toPass({ timeout: 20_000 });
      await expectAccessible(page, `webhooks log at ${viewport.width} px`);
      const widths = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(widths, 'the page scrolls sideways').toBeLessThanOrEqual(0);
      await snapshot(page, `webhooks-${viewport.width}`);

      const again = page.getByRole('group', { name: t('actions_of', { url }) });
      await again.getByRole('button', { name: t('disable') }).click();
      await expect(page.getByText(t('inactive'), { exact: true })).toBeVisible();
      await again.getByRole('button', { name: t('delete') }).click();
      const dialog = page.getByRole('dialog', { name: t('delete_title', { url }) });
      await dialog.getByRole('button', { name: t('delete') }).click();
      await expect(page.getByText(t('empty'))).toBeVisible();
    } finally {
      await new Promise((done) => receiver.close(done));
    }
  });
}

/**
 * Issue 13, GDPR: a manager downloads a person's data (a zip), an owner erases a person
 * after typing their name (the page then shows the pseudonym), a member downloads their
 * own data from their profile, and an admin sets the retention periods. Axe at 1440 px
 * and 390 px on every state.
 */
import { readFileSync } from 'node:fs';

import type { Download, Page } from '@playwright/test';

import { ApiSession, createUser } from './crew-api';
import { expect, expectAccessible, fr, login, msg, navLink, signup, snapshot, test } from './support';

const DESKTOP = { width: 1440, height: 1100 };
const PHONE = { width: 390, height: 844 };

/** The zip a click downloads: its name, and its bytes start with the zip signature. */
async function downloaded(page: Page, click: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  expect(readFileSync(path).subarray(0, 2).toString('latin1')).toBe('PK');
  return download;
}

for (const [label, viewport] of [
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const) {
  test(`gdpr on ${label}: export a person, erase them, export my own data, retention`, async ({ page }) => {
    test.setTimeout(180_000);
    const owner = await signup(`gdpr-${label}`);
    const api = await ApiSession.login(owner);
    const me = await api.get<{ account: { id: number } }>('/api/v1/auth/me');
    await createUser(api, 'Camille', 'Regie', { account_id: me.account.id });
    const person = await createUser(api, 'Zephyrine', 'Quagmire', {
      email: 'zephyrine@e2e.example.org',
      phone: '+33 6 12 34 56 78',
    });

    await page.setViewportSize(viewport);
    await login(page, owner);
    await page.goto(`/users/${person.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Zephyrine Quagmire' })).toBeVisible();

    const zip = await downloaded(page, () => page.getByRole('button', { name: fr.privacy_export_button }).click());
    expect(zip.suggestedFilename()).toMatch(new RegExp(`^coulisses-donnees-personne-${person.id}-.*\\.zip$`));
    await expectAccessible(page, `gdpr-person-${label}`);

    await page.getByRole('button', { name: fr.privacy_erase_button }).click();
    const dialog = page.getByRole('dialog', { name: msg('privacy_erase_title', { name: 'Zephyrine Quagmire' }) });
    await expect(dialog).toBeVisible();
    const confirm = dialog.getByRole('button', { name: fr.privacy_erase_confirm });
    await dialog.getByLabel(msg('privacy_erase_confirm_label', { name: 'Zephyrine Quagmire' })).fill('Zephyrine Quagmire');
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(fr.privacy_erase_reason_label).fill('Demande recue par email');
    await expectAccessible(page, `gdpr-erase-dialog-${label}`);
    await snapshot(page, `gdpr-erase-dialog-${label}`);
    await confirm.click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: `Personne effacee #${person.id}` })).toBeVisible();
    await expect(page.getByText(fr.privacy_erased_notice.split('{date}')[0]!)).toBeVisible();
    await expect(page.getByText('zephyrine@e2e.example.org')).toHaveCount(0);
    await expectAccessible(page, `gdpr-erased-${label}`);

    await page.goto('/profile');
    const mine = await downloaded(page, () => page.getByRole('button', { name: fr.privacy_export_mine }).click());
    expect(mine.suggestedFilename()).toMatch(/\.zip$/);
    await expectAccessible(page, `gdpr-profile-${label}`);

    await page.goto('/settings/privacy');
    await expect(page.getByRole('heading', { level: 1, name: fr.privacy_retention_title })).toBeVisible();
    const invitations = page.getByLabel(fr.privacy_retention_invitations);
    await expect(invitations).toHaveValue('365');
    await invitations.fill('10');
    await page.getByRole('button', { name: fr.privacy_retention_save }).click();
    await expect(page.getByText('Entre 30 et 3650 jours.')).toBeVisible();
    await invitations.fill('90');
    await page.getByRole('button', { name: fr.privacy_retention_save }).click();
    await expect(page.getByRole('status').filter({ hasText: fr.privacy_retention_saved })).toBeVisible();
    await expectAccessible(page, `gdpr-retention-${label}`);
    await snapshot(page, `gdpr-retention-${label}`);
    if (label === 'desktop') await expect(navLink(page, fr.nav_privacy)).toBeVisible();
  });
}

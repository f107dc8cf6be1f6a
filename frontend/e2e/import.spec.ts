/**
 * Issue 14, "CSV import (Jalon 31)": a manager imports a CSV of people with one bad row,
 * reads the error, downloads the error report, imports the valid rows, then imports the
 * same file again: the people are updated, not duplicated. Axe at 1440 and 390 px.
 */
import { readFile } from 'node:fs/promises';

import { ApiSession } from './crew-api';
import { expect, expectAccessible, fr, login, msg, signup, snapshot, test } from './support';

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

const CSV = [
  'Matricule;Prenom;Nom;Contrat;Email',
  'IMP-1;Camille;Martin;Intermittent;camille@example.org',
  'IMP-2;Lea;Durand;CDI;',
  'IMP-3;Noe;Bernard;Stagiaire;',
].join('\n');

interface UserPage {
  total: number;
  items: { first_name: string; last_name: string; external_id: string | null }[];
}

test('import people from a CSV with one bad row, then re-import: updated, not duplicated', async ({ page }) => {
  test.setTimeout(120_000);
  const owner = await signup('import');
  const api = await ApiSession.login(owner);

  await page.setViewportSize(DESKTOP);
  await login(page, owner);
  await page.getByRole('link', { name: fr.nav_imports }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: fr.import_title })).toBeVisible();
  await expectAccessible(page, 'import-file');

  // Step 1: the file.
  await page.getByLabel(fr.import_file, { exact: true }).setInputFiles({
    name: 'equipe.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(CSV, 'utf8'),
  });
  await page.getByRole('button', { name: fr.import_send }).click();

  // Step 2: the mapping the server suggested from the French headers, and the preview.
  await expect(page.getByText(msg('import_file_summary', { file: 'equipe.csv', rows: '3' }))).toBeVisible();
  await expect(page.getByLabel(`${fr.import_field_first_name} *`, { exact: true })).toHaveValue('Prenom');
  await expect(page.getByLabel(fr.import_field_external_id, { exact: true })).toHaveValue('Matricule');
  await expect(page.getByRole('table', { name: fr.import_preview })).toContainText('Durand');
  await expectAccessible(page, 'import-mapping');
  await snapshot(page, 'import-mapping');
  await page.getByRole('button', { name: fr.import_check }).click();

  // Step 3: one row in error, its column and its words; the report downloads.
  await expect(page.getByText(msg('import_check_summary', { rows: '3', valid: '2', invalid: '1' }))).toBeVisible();
  const errors = page.getByRole('table', { name: fr.import_errors });
  await expect(errors.getByRole('row')).toHaveCount(2);
  await expect(errors).toContainText('Contrat');
  await expect(errors.getByRole('cell', { name: '4', exact: true })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: fr.import_download_report }).click();
  const report = await downloading;
  const text = await readFile(await report.path(), 'utf8');
  expect(text).toContain('row,column,field,code,message');
  expect(text).toContain('4,Contrat,employment_type,field.choice');
  await expectAccessible(page, 'import-check');
  await snapshot(page, 'import-check');

  // All or nothing refuses; the valid rows go in.
  await page.getByRole('button', { name: fr.import_run }).click();
  await expect(page.getByText(msg('error_import_invalid_rows', { invalid_count: '1' }))).toBeVisible();
  await page.getByLabel(fr.import_mode_valid_rows).check();
  await page.getByRole('button', { name: fr.import_run }).click();
  await expect(page.getByText(msg('import_result', { created: '2', updated: '0', skipped: '1' }))).toBeVisible();
  let users = await api.get<UserPage>('/api/v1/users?page_size=50');
  expect(users.total).toBe(2);

  // The same file again, on a phone: updated, not duplicated.
  await page.setViewportSize(PHONE);
  await page.getByRole('button', { name: fr.import_new }).click();
  await page.getByLabel(fr.import_file, { exact: true }).setInputFiles({
    name: 'equipe.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(CSV.replace('Durand', 'Durand-Roy'), 'utf8'),
  });
  await page.getByRole('button', { name: fr.import_send }).click();
  await page.getByRole('button', { name: fr.import_check }).click();
  await page.getByLabel(fr.import_mode_valid_rows).check();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await expectAccessible(page, 'import-phone');
  await snapshot(page, 'import-phone');
  await page.getByRole('button', { name: fr.import_run }).click();
  await expect(page.getByText(msg('import_result', { created: '0', updated: '2', skipped: '1' }))).toBeVisible();
  users = await api.get<UserPage>('/api/v1/users?page_size=50');
  expect(users.total).toBe(2);
  expect(users.items.map((u) => [u.external_id, u.last_name]).sort()).toEqual([
    ['IMP-1', 'Martin'],
    ['IMP-2', 'Durand-Roy'],
  ]);
  await api.dispose();
});

test('a manager imports 1,000 people from one CSV file', async ({ page }) => {
  test.setTimeout(180_000);
  const owner = await signup('import-1000');
  const api = await ApiSession.login(owner);
  const lines = ['Matricule;Prenom;Nom;Contrat;Email'];
  for (let i = 1; i <= 1000; i += 1) {
    lines.push(`BIG-${i};Prenom${i};Nom${i};Intermittent;crew${i}@example.org`);
  }

  await page.setViewportSize(DESKTOP);
  await login(page, owner);
  await page.getByRole('link', { name: fr.nav_imports }).first().click();
  await page.getByLabel(fr.import_file, { exact: true }).setInputFiles({
    name: 'festival.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(lines.join('\n'), 'utf8'),
  });
  await page.getByRole('button', { name: fr.import_send }).click();
  await expect(page.getByText(msg('import_file_summary', { file: 'festival.csv', rows: '1000' }))).toBeVisible();
  await page.getByRole('button', { name: fr.import_check }).click();
  await expect(page.getByText(msg('import_check_summary', { rows: '1000', valid: '1000', invalid: '0' }))).toBeVisible();
  await page.getByRole('button', { name: fr.import_run }).click();
  await expect(page.getByText(msg('import_result', { created: '1000', updated: '0', skipped: '0' }))).toBeVisible({
    timeout: 60_000,
  });
  await expectAccessible(page, 'import-1000-done');

  const users = await api.get<UserPage>('/api/v1/users?page_size=1');
  expect(users.total).toBe(1000);
  const last = await api.get<UserPage>('/api/v1/users?page_size=50&name=Nom1000');
  expect(last.items.map((u) => u.external_id)).toContain('BIG-1000');
  await api.dispose();
});

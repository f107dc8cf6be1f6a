/**
 * Issue 12, the payroll plugin as a production office uses it: validate the timesheets of
 * a day, open July in Comptabilite (sort, drill into a person and how a line is computed),
 * export the month's totals as CSV and read the file, follow the 507 h and record a DPAE on
 * the Intermittents page, download an engagement's CDDU contract PDF and read its text, read
 * July's AEM line with its Conges Spectacles base and download the AEM CSV, see the DPAE
 * card on the dashboard; then disable the plugin and see its pages leave the menu. Axe at
 * 1440 px and 390 px on every screen.
 *
 * Saturday 10 July 2027, 21:00 -> Sunday 11 July 02:00 (Europe/Paris), prestataires 2717
 * rules (night 00:00-06:00 +25 %), 20.00 EUR an hour: base 300 min = 100.00, night 120 min
 * x 25 % = 10.00, gross 110.00. Conges Spectacles at 15.50 %: 17.05.
 */
import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';

import type { Page } from '@playwright/test';

import { text } from '../../plugins/payroll/frontend/src/catalog';

import { ApiSession, createUser, inDays } from './crew-api';
import { expect, expectAccessible, login, navLink, signup, snapshot, test } from './support';

const DESKTOP = { width: 1440, height: 1000 };
/** The page's menu label (the plugin registers the same words as its catalog's title). */
const ACCOUNTING = text('fr', 'accounting_title');
const PHONE = { width: 390, height: 844 };

async function bothSizes(page: Page, name: string): Promise<void> {
  await page.setViewportSize(DESKTOP);
  await expectAccessible(page, `${name}-desktop`);
  await snapshot(page, `${name}-desktop`);
  await page.setViewportSize(PHONE);
  await expectAccessible(page, `${name}-phone`);
  await snapshot(page, `${name}-phone`);
  await page.setViewportSize(DESKTOP);
}

/**
 * The text a PDF draws (its Flate content streams' `(...) Tj` strings, Latin-1), joined by
 * single spaces: enough to check the mentions fpdf2 writes, with no system tool.
 */
function pdfText(buffer: Buffer): string {
  const raw = buffer.toString('latin1');
  const parts: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let body: string;
    try {
      body = inflateSync(Buffer.from(match[1] ?? '', 'latin1')).toString('latin1');
    } catch {
      continue; // not a Flate stream (an image, a font)
    }
    for (const drawn of body.matchAll(/\(((?:\\.|[^\\)])*)\)\s*Tj/g)) parts.push((drawn[1] ?? '').replace(/\\([()\\])/g, '$1'));
  }
  return parts.join(' ').replace(/\s+/g, ' ');
}

test('payroll: timesheets, Comptabilite, CSV export, intermittents and DPAE, then the plugin disabled', async ({ page }) => {
  test.setTimeout(240_000);
  const owner = await signup('payroll');
  const api = await ApiSession.login(owner);
  await api.patch('/api/v1/orgs/current/plugins/payroll', { enabled: true, config: { profile: 'prestataires_2717' } });
  await api.post('/api/v1/rates', { kind: 'hourly', amount_cents: 2000, currency: 'EUR', role_name: 'Regie son' });
  const me = await api.get<{ account: { id: number } }>('/api/v1/auth/me');
  const lea = await createUser(api, 'Lea', 'Martin', { account_id: me.account.id });
  const project = await api.post<{ id: number }>('/api/v1/projects', { name: 'Festival de Juillet' });
  const show = await api.post<{ id: number; roles: { id: number }[] }>('/api/v1/missions', {
    project_id: project.id,
    title: 'Concert du samedi',
    starts_at: '2027-07-10T21:00:00+02:00',
    ends_at: '2027-07-11T02:00:00+02:00',
    roles: [{ name: 'Regie son', quota: 2 }],
  });
  const assignment = await api.post<{ id: number }>('/api/v1/assignments', { mission_role_id: show.roles[0]!.id, user_id: lea.id });
  await api.post(`/api/v1/assignments/${assignment.id}/accept`);
  // An engagement starting in two days: its DPAE is to file now (the dashboard card).
  const soon = await api.post<{ id: number; roles: { id: number }[] }>('/api/v1/missions', {
    project_id: project.id,
    title: 'Montage',
    starts_at: inDays(2, 8),
    ends_at: inDays(2, 12),
    roles: [{ name: 'Regie son', quota: 2 }],
  });
  const early = await api.post<{ id: number }>('/api/v1/assignments', { mission_role_id: soon.roles[0]!.id, user_id: lea.id });
  await api.post(`/api/v1/assignments/${early.id}/accept`);
  // What the contract and the AEM print: the employer's identity and the project's numero d'objet.
  await api.put('/api/v1/payroll/identity', {
    legal_name: 'Les Nuits de Juillet SARL',
    address: '1 place du Palais, 84000 Avignon',
    siret: '73282932000074',
    ape: '9001Z',
    idcc: '2717',
    licences: [{ category: 2, number: 'PLATESV-R-2027-000042' }],
  });
  await api.put(`/api/v1/payroll/projects/${project.id}/identity`, { numero_objet: 'FT-2027-0042' });

  await page.setViewportSize(DESKTOP);
  await login(page, owner);

  // The dashboard card: the DPAE to file now, linking to the engagements.
  const card = page.getByText('DPAE des intermittents');
  await expect(card).toBeVisible();
  await expect(page.getByText(text('fr', 'dashboard_dpae_due', { count: 1 }))).toBeVisible();
  await bothSizes(page, 'payroll-dashboard-card');

  // Timesheets: validate the day of the show.
  await navLink(page, 'Feuilles de temps').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Feuilles de temps' })).toBeVisible();
  await page.getByLabel('Jour', { exact: true }).fill('2027-07-10');
  await expect(page.getByText('Lea Martin').first()).toBeVisible();
  await bothSizes(page, 'payroll-timesheets');
  await page.getByRole('button', { name: text('fr', 'validate_day') }).click();
  const confirm = page.getByRole('dialog', { name: 'Valider toutes les lignes de ce jour ?' });
  await confirm.getByRole('button', { name: text('fr', 'validate_day') }).click();
  await expect(page.getByText(text('fr', 'validated_count', { count: 1 }))).toBeVisible();

  // Comptabilite: July, sorted by gross, Lea's lines and how the night line is computed.
  await navLink(page, ACCOUNTING).click();
  await expect(page.getByRole('heading', { level: 1, name: ACCOUNTING })).toBeVisible();
  await page.getByLabel('Mois', { exact: true }).fill('2027-07');
  const totals = page.getByRole('table', { name: ACCOUNTING });
  await expect(totals.getByRole('button', { name: 'Lea Martin' })).toBeVisible();
  await expect(totals.getByText(/^110,00\s\u20ac$/).first()).toBeVisible();
  await totals.getByRole('button', { name: 'Trier par Brut' }).click();
  await expect(totals.getByRole('columnheader', { name: /Brut/ })).toHaveAttribute('aria-sort', 'descending');
  await totals.getByRole('button', { name: 'Lea Martin' }).click();
  const lines = page.getByRole('table', { name: 'Lignes de paie de Lea Martin' });
  await expect(lines.getByText('Nuit')).toBeVisible();
  await lines.getByRole('row', { name: /Nuit/ }).getByRole('button', { name: text('fr', 'accounting_how') }).click();
  await expect(lines.getByText('Minutes / 60 x Taux horaire (centimes) x Majoration (%) / 100')).toBeVisible();
  // The per-project recap of the month, with the org's totals row.
  const byProject = page.getByRole('table', { name: text('fr', 'recap_title') });
  await expect(byProject.getByRole('rowheader', { name: 'Total (EUR)' })).toBeVisible();
  // A wide page (PluginPage.wide): at 1440 px the totals use the whole width, not the
  // reading width of the other pages (1024 px).
  const area = await totals.evaluate((node) => node.closest('main')?.firstElementChild?.getBoundingClientRect().width ?? 0);
  expect(area).toBeGreaterThan(1100);
  await bothSizes(page, 'payroll-accounting');

  // Export the month's totals as CSV from Comptabilite, then download it from the exports page.
  await page.getByRole('button', { name: 'Totaux CSV' }).click();
  await page.getByRole('link', { name: 'Ouvrir les exports de paie' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Exports de paie' })).toBeVisible();
  const link = page.getByRole('link', { name: /^T\u00e9l\u00e9charger paie-monthly-totals-2027-07/ });
  await expect(link).toBeVisible({ timeout: 60_000 });
  await bothSizes(page, 'payroll-exports');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\ufeff/, '');
  const leaLine = csv.split(/\r?\n/).find((line) => line.includes('Lea Martin'));
  expect(leaLine, csv).toBeDefined();
  expect(leaLine!.split(';')).toEqual(expect.arrayContaining(['100,00', '10,00', '110,00']));

  // Intermittents: Lea's hours towards the 507 h, and the DPAE of the show recorded.
  await navLink(page, 'Intermittents').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Intermittents' })).toBeVisible();
  await page.getByLabel('Au', { exact: true }).fill('2027-07-31');
  const counts = page.getByRole('list', { name: 'Intermittents' });
  await expect(counts.getByRole('heading', { name: /Lea Martin/ })).toBeVisible();
  await counts.getByRole('button', { name: text('fr', 'details_of', { name: 'Lea Martin' }) }).click();
  await expect(counts.getByText('Concert du samedi')).toBeVisible();
  const engagements = page.getByRole('list', { name: 'Engagements et DPAE' });
  await engagements.getByRole('button', { name: 'Noter la DPAE de Lea Martin (Festival de Juillet)' }).click();
  const dpae = page.getByRole('form', { name: 'Noter la DPAE de Lea Martin (Festival de Juillet)' });
  await dpae.getByLabel(text('fr', 'dpae_reference_field'), { exact: true }).fill('DPAE-0042');
  await dpae.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(engagements.getByText(/R\u00e9f\. DPAE-0042/)).toBeVisible();

  // Lea's civil status, which the contract and the AEM print.
  await counts.getByRole('button', { name: text('fr', 'civil_status_of', { name: 'Lea Martin' }) }).click();
  const civil = counts.getByRole('form', { name: text('fr', 'civil_status_of', { name: 'Lea Martin' }) });
  await civil.getByLabel(text('fr', 'civil_birth_date'), { exact: true }).fill('1994-03-12');
  await civil.getByLabel(text('fr', 'civil_birth_place'), { exact: true }).fill('Paris (75)');
  await civil.getByLabel(text('fr', 'civil_address'), { exact: true }).fill('5 rue des Lilas\n84000 Avignon');
  await civil.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(civil).toHaveCount(0);

  // The engagement's CDDU contract: a PDF with the mandatory mentions.
  const contractLink = engagements.getByRole('link', { name: text('fr', 'contract_pdf_of', { name: 'Lea Martin', project: 'Festival de Juillet' }) });
  const [contractFile] = await Promise.all([page.waitForEvent('download'), contractLink.click()]);
  const contract = pdfText(await readFile((await contractFile.path())!));
  for (const mention of [
    "d'usage (CDDU)",
    'L1242-2 3',
    'D1242-1',
    'Les Nuits de Juillet SARL',
    'SIRET : 73282932000074 - Code APE : 90.01Z',
    '(producteur) : PLATESV-R-2027-000042',
    '(IDCC 2717)',
    'Lea Martin',
    'le 12/03/1994',
    'Paris (75)',
    'Demeurant : 5 rue des Lilas, 84000 Avignon',
    'FT-2027-0042',
    "20,00 EUR brut de l'heure, 4,00 h pr",
    'Audiens',
    'France Travail',
    'Calculs, pas un conseil juridique.',
  ]) {
    expect(contract, mention).toContain(mention);
  }

  // July's AEM line with its Conges Spectacles base, and the AEM CSV (with Lea's NIR, recorded
  // on her profile in the core).
  await api.patch(`/api/v1/users/${lea.id}`, { legal_ids: { nir: '2 94 03 75 120 005 91' } });
  await page.getByLabel(text('fr', 'aem_month'), { exact: true }).fill('2027-07');
  const aemTable = page.getByRole('table', { name: text('fr', 'aem_table') });
  const aemRow = aemTable.getByRole('row', { name: /Lea Martin/ });
  await expect(aemRow).toContainText('Festival de Juillet (FT-2027-0042)');
  await expect(aemRow.getByRole('cell', { name: /^17,05\s\u20ac$/ })).toBeVisible();
  await bothSizes(page, 'payroll-intermittents');
  const [aemFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: text('fr', 'aem_csv') }).click()]);
  const aemCsv = (await readFile((await aemFile.path())!, 'utf8')).replace(/^\ufeff/, '').split(/\r?\n/);
  expect(aemCsv[0]!.split(';').slice(0, 5)).toEqual(['Employeur', 'SIRET', 'APE', 'IDCC', "Numero d'objet"]);
  const leaAem = aemCsv.find((line) => line.includes('Lea Martin'));
  expect(leaAem, aemCsv.join('\n')).toBeDefined();
  expect(leaAem!.split(';')).toEqual([
    'Les Nuits de Juillet SARL',
    '73282932000074',
    '90.01Z',
    '2717',
    'FT-2027-0042',
    String(lea.id),
    'Lea Martin',
    '294037512000591',
    '',
    '1994-03-12',
    'Paris (75)',
    '',
    '5 rue des Lilas / 84000 Avignon',
    'Regie son',
    '8',
    '2027-07-10',
    '2027-07-11',
    'non',
    '5,00',
    '0',
    '1',
    '110,00',
    'EUR',
    'initiale',
    '110,00',
    '15,50',
    '17,05',
  ]);

  // The employer's identity: a wrong SIRET key is shown on its field, a right one is kept.
  const identity = page.getByRole('form', { name: text('fr', 'identity_title') });
  await identity.getByLabel('Raison sociale', { exact: true }).fill('Les Nuits de Juillet SARL');
  await identity.getByLabel('SIRET', { exact: true }).fill('732 829 320 00075');
  await identity.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(identity.getByText(/cl\u00e9 de ce SIRET est fausse/)).toBeVisible();
  await identity.getByLabel('SIRET', { exact: true }).fill('732 829 320 00074');
  await identity.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(identity.getByText(text('fr', 'identity_saved'))).toBeVisible();
  await expect(identity.getByLabel('SIRET', { exact: true })).toHaveValue('73282932000074');

  // Disabled, the plugin's pages leave the menu.
  await api.patch('/api/v1/orgs/current/plugins/payroll', { enabled: false });
  await api.dispose();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(navLink(page, ACCOUNTING)).toHaveCount(0);
  await expect(navLink(page, 'Intermittents')).toHaveCount(0);
  await expect(page.getByText('DPAE des intermittents')).toHaveCount(0);
});

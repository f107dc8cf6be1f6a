/**
 * Issue 10, "French everywhere, English on choice": a conflict, a 409 and a public page
 * error are worded from the catalog in the chosen language, never with the API's English
 * `message`, and times name their zone as people say it.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Page } from '@playwright/test';

import { ApiSession, createMission, createUser, inDays, invite } from './crew-api';
import { expect, expectAccessible, fr, login, navLink, signup, snapshot, test } from './support';

const here = dirname(fileURLToPath(import.meta.url));
const en = JSON.parse(readFileSync(resolve(here, '../src/locales/en.json'), 'utf8')) as Record<string, string>;

/** Pieces of the English catalog long enough to be sentences, where French says something else. */
const ENGLISH_PIECES = Object.entries(en)
  .filter(([key, value]) => value !== (fr as Record<string, string>)[key])
  .flatMap(([, value]) => value.split(/\{\w+\}/))
  .map((piece) => piece.trim())
  .filter((piece) => piece.length >= 14);

/** The API's own messages of the errors this spec causes (docs/api.md: for integrators only). */
const API_MESSAGES = ['two active assignments', 'already a member', 'Invitation not found', 'Resource not found'];
const ENGLISH_WORDS = /\b(the|has|with|already|been|could|please|assignments?|overlap|between)\b/i;

async function expectNoEnglish(page: Page, where: string): Promise<void> {
  const text = await page.locator('body').innerText();
  const found = [
    ...ENGLISH_PIECES.filter((piece) => text.includes(piece)),
    ...API_MESSAGES.filter((message) => text.includes(message)),
    ...(ENGLISH_WORDS.exec(text) ?? []).slice(0, 1),
  ];
  expect(found, `English on the French ${where}`).toEqual([]);
}

async function chooseLanguage(page: Page, current: 'fr' | 'en', next: 'fr' | 'en'): Promise<void> {
  const label = current === 'fr' ? fr.language_label : en.language_label!;
  await page.getByLabel(label, { exact: true }).selectOption(next);
  await expect(page.locator('html')).toHaveAttribute('lang', next);
}

test('french everywhere: a conflict, a 409 and a public page error in the catalog words, English on choice', async ({ page }) => {
  const owner = await signup('francais');
  const api = await ApiSession.login(owner);
  const busy = await createUser(api, 'Alex', 'Double');
  const project = await api.post<{ id: number }>('/api/v1/projects', { name: 'Festival langues' });
  const first = await createMission(api, project.id, 'Concert A', inDays(2, 16), inDays(2, 20));
  const second = await createMission(api, project.id, 'Concert B', inDays(2, 18), inDays(2, 22));
  await invite(api, first.roleId, busy.id);
  await invite(api, second.roleId, busy.id);
  await api.dispose();

  await login(page, owner);
  // The home page says the org's zone as "heure de Paris", not "Europe/Paris".
  await expect(page.getByText(fr.time_zone_city.replace('{city}', 'Paris'))).toBeVisible();
  await expect(page.locator('main')).not.toContainText('Europe/Paris');

  // English on choice: the conflict reads in English...
  await chooseLanguage(page, 'fr', 'en');
  await page.getByRole('navigation', { name: en.nav_label }).getByRole('link', { name: en.nav_conflicts, exact: true }).click();
  const overlapEn = en.conflict_text_overlap!.split('{first}')[0]!.replace('{name}', 'Alex Double');
  const cardEn = page.getByRole('article', { name: new RegExp(`${en.conflict_kind_overlap}.*Alex Double`) });
  await expect(cardEn).toContainText(overlapEn);

  // ...then in French everywhere once French is chosen again.
  await chooseLanguage(page, 'en', 'fr');
  const card = page.getByRole('article', { name: new RegExp(`${fr.conflict_kind_overlap}.*Alex Double`) });
  await expect(card).toContainText(fr.conflict_text_overlap.split('{first}')[0]!.replace('{name}', 'Alex Double'));
  await expectNoEnglish(page, 'conflicts page');
  await expectAccessible(page, 'conflicts-fr');
  await snapshot(page, 'conflicts-fr');

  // A 409 (member.already_member): the catalog's sentence, not the API's.
  await navLink(page, fr.nav_members).click();
  await page.getByLabel(fr.field_email).fill(owner.email);
  await page.getByRole('button', { name: fr.members_invite_submit }).click();
  await expect(page.getByRole('alert')).toHaveText(fr.error_member_already_member);
  await expectNoEnglish(page, 'members page');
  await expectAccessible(page, 'members-409-fr');

  // A public page error: an invitation link that does not exist.
  await page.goto('/invitations/987654?token=not-a-real-token');
  await expect(page.getByRole('alert')).toContainText(fr.error_invitation_not_found);
  await expectNoEnglish(page, 'public invitation page');
  await expectAccessible(page, 'invitation-error-fr');
  await snapshot(page, 'invitation-error-fr');
});

/**
 * Issue 14, "Swaps and replacements (Jalon 58)": a tech, on a phone, offers an accepted
 * mission to a named colleague from My Missions; the colleague, on a phone, accepts it;
 * the manager, at 1440 px, finds it in Echanges and approves it, and the mission changes
 * hands (exactly one holder). Axe on each screen.
 */
import { ApiSession, createMission, createTechAccount, createUser, inDays, invite } from './crew-api';
import { expect, expectAccessible, fr, login, msg, navLink, signup, snapshot, test } from './support';

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

test('a tech hands over a mission from the phone, the colleague accepts, the manager approves', async ({ browser }) => {
  test.setTimeout(180_000);
  const owner = await signup('swaps');
  const api = await ApiSession.login(owner);
  const paulAccount = await createTechAccount(api, owner, 'paul-swap');
  const cleoAccount = await createTechAccount(api, owner, 'cleo-swap');
  const paul = await createUser(api, 'Paul', 'Morel', { account_id: paulAccount.accountId });
  const cleo = await createUser(api, 'Cleo', 'Durand', { account_id: cleoAccount.accountId });
  const project = await api.post<{ id: number }>('/api/v1/projects', { name: 'Festival 2027' });
  const mission = await createMission(api, project.id, 'Concert du soir', inDays(10, 17), inDays(10, 21));
  const assignment = await invite(api, mission.roleId, paul.id);
  const paulApi = await ApiSession.login(paulAccount);
  await paulApi.post(`/api/v1/assignments/${assignment.id}/accept`);

  // Paul, on a phone: "Proposer un echange / Ceder" under the accepted mission, to Cleo.
  const phone = await browser.newContext({ viewport: PHONE });
  const paulPage = await phone.newPage();
  await login(paulPage, paulAccount);
  await paulPage.goto('/my-missions');
  await paulPage.getByRole('button', { name: msg('swap_propose_of', { title: 'Concert du soir' }) }).click();
  const dialog = paulPage.getByRole('dialog', { name: msg('swap_dialog_title', { title: 'Concert du soir' }) });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(fr.swap_field_colleague, { exact: true }).selectOption({ label: 'Cleo Durand' });
  await dialog.getByLabel(fr.swap_field_comment, { exact: true }).fill('Je suis en tournee ce soir-la');
  await expectAccessible(paulPage, 'swap-propose-phone');
  await snapshot(paulPage, 'swap-propose-phone');
  await dialog.getByRole('button', { name: fr.swap_send }).click();
  await expect(paulPage.getByText(fr.swap_sent)).toBeVisible();
  await expect(paulPage.getByRole('button', { name: msg('swap_cancel_of', { title: 'Concert du soir' }) })).toBeVisible();
  const scrolls = await paulPage.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(scrolls).toBe(false);
  await expectAccessible(paulPage, 'swap-proposed-phone');
  await phone.close();

  // Cleo, on a phone: the proposal addressed to her, accepted.
  const cleoPhone = await browser.newContext({ viewport: PHONE });
  const cleoPage = await cleoPhone.newPage();
  await login(cleoPage, cleoAccount);
  await cleoPage.goto('/my-missions');
  await expect(cleoPage.getByRole('heading', { name: fr.swaps_mine_title })).toBeVisible();
  await expect(cleoPage.getByText(msg('swap_comment', { comment: 'Je suis en tournee ce soir-la' }))).toBeVisible();
  await expectAccessible(cleoPage, 'swap-incoming-phone');
  await snapshot(cleoPage, 'swap-incoming-phone');
  await cleoPage.getByRole('button', { name: msg('swap_accept_of', { title: 'Concert du soir' }) }).click();
  await expect(cleoPage.getByText(fr.swap_accepted_done)).toBeVisible();
  await expect(cleoPage.getByText(fr.swap_waiting_manager)).toBeVisible();
  await cleoPhone.close();

  // The manager, at 1440 px: Echanges in the navigation, the swap waiting, approved.
  const desktop = await browser.newContext({ viewport: DESKTOP });
  const page = await desktop.newPage();
  await login(page, owner);
  await page.goto('/planning');
  await navLink(page, fr.nav_swaps).click();
  await expect(page.getByRole('heading', { level: 1, name: fr.swaps_title })).toBeVisible();
  await expect(page.getByText(msg('swap_between', { proposer: 'Paul Morel', colleague: 'Cleo Durand' }))).toBeVisible();
  await expectAccessible(page, 'swap-approvals');
  await snapshot(page, 'swap-approvals');
  await page.getByRole('button', { name: msg('swap_approve_of', { proposer: 'Paul Morel' }) }).click();
  await expect(page.getByText(fr.swap_approved_done)).toBeVisible();
  await expect(page.getByText(fr.swaps_empty)).toBeVisible();
  await expectAccessible(page, 'swap-approved');

  // Exactly one holder of the place: Cleo.
  const holders = await api.get<{ items: { user_id: number; status: string }[] }>(
    `/api/v1/assignments?mission=${mission.missionId}`,
  );
  const active = holders.items.filter((a) => a.status === 'ACCEPTED' || a.status === 'INVITED');
  expect(active.map((a) => [a.user_id, a.status])).toEqual([[cleo.id, 'ACCEPTED']]);
  await desktop.close();
  await paulApi.dispose();
  await api.dispose();
});

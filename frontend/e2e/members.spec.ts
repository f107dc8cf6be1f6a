import { expect, fr, msg, expectAccessible, login, memberRow, navLink, signup, snapshot, test, uniqueEmail } from './support';

test('members: invite with a role, change the role, remove, and see API errors', async ({ page }) => {
  const owner = await signup('members');
  await login(page, owner);
  await navLink(page, 'Membres').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Membres' })).toBeVisible();
  await expect(memberRow(page, owner.email)).toBeVisible();

  const regie = uniqueEmail('regie-son');
  await page.getByLabel('Adresse email').fill(regie);
  await page.getByLabel(fr.field_role, { exact: true }).selectOption('manager');
  await page.getByRole('button', { name: 'Inviter' }).click();
  await expect(page.getByRole('status').filter({ hasText: msg('members_invited', { email: regie }) })).toBeVisible();
  const role = page.getByLabel(msg('members_role_of', { email: regie }));
  await expect(role).toHaveValue('manager');
  await expectAccessible(page, 'members');
  await snapshot(page, 'members');

  // The same address again: the API's 409 is shown.
  await page.getByLabel('Adresse email').fill(regie);
  await page.getByRole('button', { name: 'Inviter' }).click();
  await expect(page.getByRole('alert')).toHaveText(fr.error_member_already_member);

  await role.selectOption('tech');
  await expect(role).toHaveValue('tech');
  await page.reload();
  await expect(page.getByLabel(msg('members_role_of', { email: regie }))).toHaveValue('tech');

  // Demoting the only owner is refused by the server, and said so.
  await page.getByLabel(msg('members_role_of', { email: owner.email })).selectOption('admin');
  await expect(page.getByRole('alert')).toHaveText(fr.error_member_last_owner);
  await expect(page.getByLabel(msg('members_role_of', { email: owner.email }))).toHaveValue('owner');

  await page.getByRole('button', { name: `Retirer ${regie}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Retirer ce membre ?' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'members-remove-dialog');
  await dialog.getByRole('button', { name: 'Retirer' }).click();
  await expect(dialog).toBeHidden();
  await expect(memberRow(page, regie)).toHaveCount(0);
});

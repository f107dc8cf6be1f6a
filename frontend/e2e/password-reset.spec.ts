import { expect, fr, expectAccessible, login, mailLink, signup, snapshot, test, waitForMail } from './support';

test('password reset: request from the login page, follow the emailed link, sign in with the new password', async ({ page }) => {
  const owner = await signup('reset');
  await page.goto('/login');
  await page.getByRole('link', { name: fr.login_forgot_password }).click();
  await expect(page.getByRole('heading', { level: 1, name: fr.reset_request_title })).toBeVisible();
  await expectAccessible(page, 'forgot-password');
  await page.getByLabel('Adresse email').fill(owner.email);
  await page.getByRole('button', { name: 'Envoyer le lien' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Si un compte existe' })).toBeVisible();
  await snapshot(page, 'forgot-password');

  // Read as the owner, whose password is unchanged until the link is used.
  const mail = await waitForMail(owner, owner.email, 'mot de passe');
  const link = new URL(mailLink(mail, /\/reset-password\?token=/));
  await page.goto(link.pathname + link.search);
  await expect(page.getByRole('heading', { level: 1, name: 'Nouveau mot de passe' })).toBeVisible();
  await expectAccessible(page, 'reset-password');
  await snapshot(page, 'reset-password');

  // Client-side check first, then the server's strength rule, then success.
  await page.getByLabel('Nouveau mot de passe').fill('Coulisses-2027');
  await page.getByLabel('Confirmer le mot de passe').fill('Coulisses-2028');
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await expect(page.getByText('Les deux mots de passe ne correspondent pas.')).toBeVisible();
  await page.getByLabel('Nouveau mot de passe').fill('court');
  await page.getByLabel('Confirmer le mot de passe').fill('court');
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await expect(page.getByText(/Mot de passe trop faible/)).toBeVisible();
  await page.getByLabel('Nouveau mot de passe').fill('Coulisses-2027');
  await page.getByLabel('Confirmer le mot de passe').fill('Coulisses-2027');
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await expect(page.getByRole('status').filter({ hasText: fr.reset_done })).toBeVisible();

  // The link is single-use.
  await page.goto(new URL(link!).pathname + new URL(link!).search);
  await page.getByLabel('Nouveau mot de passe').fill('Coulisses-2029');
  await page.getByLabel('Confirmer le mot de passe').fill('Coulisses-2029');
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await expect(page.getByRole('alert')).toHaveText(new RegExp(fr.error_auth_invalid_reset_token));

  await login(page, { email: owner.email, password: 'Coulisses-2027' });
});

test('password reset page without a token explains and links to a new request', async ({ page }) => {
  await page.goto('/reset-password');
  await expect(page.getByRole('alert')).toContainText('invalide');
  await expect(page.getByRole('link', { name: 'Demander un nouveau lien' })).toBeVisible();
  await expectAccessible(page, 'reset-password-no-token');
});

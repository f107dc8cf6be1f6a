import { expect, fr, msg, expectAccessible, login, memberRow, navLink, PASSWORD, signup, snapshot, test } from './support';

test.describe('sign in, session and profile', () => {
  test('login page: wrong password shows the API error, right one opens the app, logout closes it', async ({ page }) => {
    const owner = await signup('login');
    await page.goto('/');
    // The route guard sends a visitor without a session to the login page.
    await expect(page).toHaveURL(/\/login\?next=%2F$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
    await expectAccessible(page, 'login');
    await snapshot(page, 'login');

    await page.getByLabel('Adresse email').fill(owner.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill('not-the-password-1');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('alert')).toHaveText('Email ou mot de passe incorrect.');

    await page.getByLabel('Mot de passe', { exact: true }).fill(owner.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Camille' })).toBeVisible();
    await expect(page.getByText(owner.orgName).first()).toBeVisible();
    await expectAccessible(page, 'home');
    await snapshot(page, 'home');

    await page.getByRole('button', { name: fr.logout }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto('/settings/members');
    await expect(page).toHaveURL(/\/login\?next=%2Fsettings%2Fmembers$/);
  });

  test('after login the guard returns to the page that was asked for', async ({ page }) => {
    const owner = await signup('next');
    await page.goto('/profile');
    await page.getByLabel('Adresse email').fill(owner.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(owner.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page).toHaveURL(/\/profile$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Mon profil' })).toBeVisible();
  });

  test('silent refresh: an expired access cookie is renewed without leaving the page', async ({ page, context }) => {
    const owner = await signup('refresh');
    await login(page, owner);
    // The access JWT expired (its cookie is gone); the refresh cookie is still there.
    const kept = (await context.cookies()).filter((c) => c.name !== 'cc_access');
    await context.clearCookies();
    await context.addCookies(kept);
    const refreshed = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/refresh'));
    await navLink(page, 'Membres').click();
    expect((await refreshed).status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: 'Membres' })).toBeVisible();
    await expect(memberRow(page, owner.email)).toBeVisible();
    expect((await context.cookies()).some((c) => c.name === 'cc_access')).toBe(true);
  });

  test('profile shows the account and changes the password', async ({ page }) => {
    const owner = await signup('profile');
    await login(page, owner);
    await navLink(page, 'Mon profil').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mon profil' })).toBeVisible();
    await expect(page.getByText(owner.email).last()).toBeVisible();
    await expectAccessible(page, 'profile');
    await snapshot(page, 'profile');

    await page.getByLabel('Mot de passe actuel').fill('wrong-password-9');
    await page.getByLabel('Nouveau mot de passe').fill('Coulisses-2027-bis');
    await page.getByLabel('Confirmer le mot de passe').fill('Coulisses-2027-bis');
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await expect(page.getByText('Le mot de passe actuel est incorrect.')).toBeVisible();

    await page.getByLabel('Mot de passe actuel').fill(PASSWORD);
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await expect(page.getByRole('status').filter({ hasText: fr.password_changed })).toBeVisible();

    await page.getByRole('button', { name: fr.logout }).click();
    await login(page, { email: owner.email, password: 'Coulisses-2027-bis' });
  });

  test('org switcher moves the session to another org of the account', async ({ page }) => {
    const festival = await signup('festival', 'Festival du Cloitre');
    const theatre = await signup('theatre', 'Theatre du Port');
    // The festival's owner invites the theatre's owner: one account, two orgs.
    await login(page, festival);
    await navLink(page, 'Membres').click();
    await page.getByLabel('Adresse email').fill(theatre.email);
    await page.getByLabel(fr.field_role, { exact: true }).selectOption('admin');
    await page.getByRole('button', { name: 'Inviter' }).click();
    await expect(memberRow(page, theatre.email)).toBeVisible();
    await page.getByRole('button', { name: fr.logout }).click();

    await login(page, theatre);
    const switcher = page.getByLabel('Organisation');
    await expect(switcher).toHaveValue(/\d+/);
    await expect(switcher.locator('option:checked')).toHaveText('Theatre du Port');
    await switcher.selectOption({ label: 'Festival du Cloitre' });
    await expect(page.getByText(
      msg('home_subtitle', { org: 'Festival du Cloitre', role: fr.role_admin, zone: msg('time_zone_city', { city: 'Paris' }) }),
    )).toBeVisible();
    await navLink(page, 'Membres').click();
    await expect(memberRow(page, festival.email)).toBeVisible();
  });

  test('language switch: English on choice, remembered', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Langue').selectOption('en');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByLabel('Language').selectOption('fr');
    await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
  });
});

test('keyboard: skip link, visible focus, and the menu works without a mouse', async ({ page }) => {
  const owner = await signup('keyboard');
  await login(page, owner);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Aller au contenu' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  // Tab to the members link and open it with Enter; focus moves to the new content.
  const members = navLink(page, 'Membres');
  for (let i = 0; i < 20 && !(await members.evaluate((el) => el === document.activeElement)); i += 1) {
    await page.keyboard.press('Tab');
  }
  await expect(members).toBeFocused();
  const outline = await members.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Membres' })).toBeVisible();
  await expect(page.locator('main')).toBeFocused();
});

import { expect, fr, expectAccessible, login, msg, signup, snapshot, test } from './support';

test('plugins: enabling hello adds its menu entry, config errors show, disabling removes it', async ({ page }) => {
  const owner = await signup('plugins');
  await login(page, owner);
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await expect(nav.getByRole('link', { name: 'Hello' })).toHaveCount(0);

  await nav.getByRole('link', { name: 'Plugins' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Plugins' })).toBeVisible();
  // Other plugins may be installed: everything below happens inside Hello's card.
  const card = page.getByRole('group', { name: /^Hello\b/ });
  const toggle = card.getByRole('switch', { name: 'Activer le plugin Hello' });
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expectAccessible(page, 'plugins');

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect(nav.getByRole('link', { name: 'Hello' })).toBeVisible();

  // Config form generated from the plugin's JSON schema; the API's 422 lands on the field.
  await card.getByRole('button', { name: 'Configurer' }).click();
  // Labels come from the plugin's schema in the member's language (coulisses_sdk.setting).
  const greeting = card.getByLabel("Message d'accueil");
  await expect(greeting).toHaveValue('Bienvenue');
  await greeting.fill('');
  await card.getByRole('button', { name: 'Enregistrer la configuration' }).click();
  await expect(card.getByRole('alert')).toHaveText(fr.error_plugin_invalid_config);
  await expect(greeting).toHaveAttribute('aria-invalid', 'true');
  // Worded from the field's code (field.too_short, min 1), not from pydantic's English.
  // The description is the plugin's help text, then the error.
  const tooShort = msg('error_field_too_short', { min: '1' });
  await expect(greeting).toHaveAccessibleDescription(new RegExp(`\\. ${tooShort.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await expectAccessible(page, 'plugins-config-error');
  await greeting.fill('Bonjour');
  await card.getByRole('button', { name: 'Enregistrer la configuration' }).click();
  await expect(card.getByRole('status').filter({ hasText: fr.schema_form_saved })).toBeVisible();
  await snapshot(page, 'plugins');

  await nav.getByRole('link', { name: 'Hello' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hello' })).toBeVisible();
  await expectAccessible(page, 'plugin-page');
  await snapshot(page, 'plugin-hello');

  await nav.getByRole('link', { name: 'Plugins' }).click();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expect(nav.getByRole('link', { name: 'Hello' })).toHaveCount(0);
  // The saved config survives disabling.
  await page.reload();
  await card.getByRole('button', { name: 'Configurer' }).click();
  await expect(greeting).toHaveValue('Bonjour');
});

test('plugins: the notifications settings speak French, with time pickers for quiet hours', async ({ page }) => {
  const owner = await signup('plugins-fr');
  await login(page, owner);
  await page.goto('/settings/plugins');
  const card = page.getByRole('group', { name: /^Notifications\b/ });
  await card.getByRole('button', { name: 'Configurer' }).click();
  const start = card.getByLabel(/^D.but des heures calmes$/);
  await expect(start).toHaveAttribute('type', 'time');
  await expect(start).toHaveValue('22:00');
  await expect(card.getByLabel(/^Adresse d'exp.dition$/)).toHaveAttribute('type', 'email');
  // No pydantic title ("Quiet Start") nor English help reaches the French form.
  await expect(card.getByText('Quiet Start')).toHaveCount(0);
  await expect(card.getByText(/Default start of quiet hours/)).toHaveCount(0);
  await start.fill('23:15');
  await card.getByRole('button', { name: 'Enregistrer la configuration' }).click();
  await expect(card.getByRole('status').filter({ hasText: fr.schema_form_saved })).toBeVisible();
  await expectAccessible(page, 'plugins-notifications-config');
  await snapshot(page, 'plugins-notifications-config');
  await page.reload();
  await card.getByRole('button', { name: 'Configurer' }).click();
  await expect(card.getByLabel(/^D.but des heures calmes$/)).toHaveValue('23:15');
});

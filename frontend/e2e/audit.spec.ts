/**
 * Issue 9, the audit log in the web app: an owner reads who changed what (a mission's
 * title and times before and after), filters by noun, loads older entries with "load
 * more", at 1440 px and 390 px (no sideways scrolling), axe on each state; a tech has
 * no menu entry and the page says it is for owners and admins.
 */
import type { Page } from '@playwright/test';

import { ApiSession, createMission, createTechAccount } from './crew-api';
import { expect, expectAccessible, fr, login, msg, navLink, signup, snapshot, test } from './support';

const DESKTOP = { width: 1440, height: 1200 };
const PHONE = { width: 390, height: 844 };

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('an owner reads the audit log with before/after, filters it and loads more; a tech cannot', async ({ page }) => {
  test.setTimeout(150_000);
  const owner = await signup('audit');
  const api = await ApiSession.login(owner);
  const project = await api.post<{ id: number }>('/api/v1/projects', {
    name: 'Festival audit',
    starts_on: '2027-07-05',
    ends_on: '2027-07-11',
  });
  const mission = await createMission(api, project.id, 'Exploitation', '2027-07-06T17:00:00Z', '2027-07-06T21:00:00Z');
  // Older entries first: 55 missions published in one batch (one instant, 55 entries).
  const bulk = await api.post<{ items: { id: number }[] }>(`/api/v1/projects/${project.id}/missions:bulk_create`, {
    title: 'Montage',
    days: ['2027-07-07'],
    slots: Array.from({ length: 55 }, () => ({ start: '09:00', end: '12:00' })),
    roles: [{ name: 'Plateau', quota: 1 }],
  });
  await api.post('/api/v1/missions:batch', { mission_ids: bulk.items.map((m) => m.id), action: 'publish' });
  await api.patch(`/api/v1/missions/${mission.missionId}`, {
    title: 'Exploitation Cour',
    ends_at: '2027-07-06T22:00:00Z',
  });
  const tech = await createTechAccount(api, owner, 'audit-tech');

  await page.setViewportSize(DESKTOP);
  await login(page, owner);
  await navLink(page, fr.nav_audit).click();
  await expect(page.getByRole('heading', { level: 1, name: fr.audit_title })).toBeVisible();

  const updated = page.getByRole('article', { name: new RegExp(fr.audit_action_mission_updated) });
  await expect(updated).toContainText(`${fr.audit_noun_mission} #${mission.missionId}`);
  await expect(updated).toContainText(msg('audit_by', { name: 'Camille Regie', email: owner.email }));
  const changes = updated.getByRole('list', { name: fr.audit_changes });
  await expect(changes.getByRole('listitem')).toHaveCount(2);
  await expect(changes.getByRole('listitem').first()).toContainText(`${fr.audit_field_title}`);
  await expect(changes.getByRole('listitem').first()).toContainText('Exploitation Cour');
  // 23:00 -> 00:00 in Paris (UTC+2 in July), shown in the org's timezone.
  await expect(changes.getByRole('listitem').nth(1)).toContainText('23:00');
  await expect(changes.getByRole('listitem').nth(1)).toContainText('00:00');
  await expectAccessible(page, 'audit');
  await snapshot(page, 'audit-1440');

  // 50 entries per page: "load more" brings the oldest ones (the org's creation).
  const entries = page.getByRole('list', { name: fr.audit_entries }).getByRole('article');
  await expect(entries).toHaveCount(50);
  await expect(page.getByRole('article', { name: new RegExp(fr.audit_action_org_created) })).toHaveCount(0);
  await page.getByRole('button', { name: fr.audit_load_more }).click();
  await expect(page.getByRole('article', { name: new RegExp(fr.audit_action_org_created) })).toBeVisible();
  await expect(page.getByText(fr.audit_end)).toBeVisible();
  const total = await entries.count();
  expect(total).toBeGreaterThan(50);

  // Filter: projects only.
  await page.getByLabel(fr.audit_filter_action).selectOption({ label: fr.audit_noun_project });
  await page.getByRole('button', { name: fr.audit_filter_apply }).click();
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText(fr.audit_action_project_created);
  // Back to everything, as it was read (both pages).
  await page.getByRole('button', { name: fr.audit_filter_reset }).click();
  await expect(entries).toHaveCount(total);

  await page.setViewportSize(PHONE);
  await expect(updated).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page, 'audit-390');
  await snapshot(page, 'audit-390');

  // A tech has no menu entry, and the page says it is not theirs.
  await page.context().clearCookies();
  await page.setViewportSize(DESKTOP);
  await login(page, tech);
  await expect(navLink(page, fr.nav_members)).toBeVisible();
  await expect(navLink(page, fr.nav_audit)).toHaveCount(0);
  await page.goto('/settings/audit');
  await expect(page.getByText(fr.audit_forbidden)).toBeVisible();
});

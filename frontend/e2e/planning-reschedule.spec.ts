/**
 * Planning: moving a mission to another time slot and resizing it on the week
 * view (times checked through the API); the project wizard sends managers,
 * required skills and per-slot roles (checked through the API).
 */
import type { Page } from '@playwright/test';

import { ApiSession, createMission } from './crew-api';
import { expect, fr, login, msg, signup, test } from './support';

interface MissionOut {
  id: number;
  title: string;
  starts_at: string;
  ends_at: string;
  duration_minutes: number;
  roles: { name: string; quota: number; required_skills: string[] }[];
}

// The org's timezone is Europe/Paris (UTC+2 in July): 10:00-12:00 there on Wednesday 7 July 2027.
const STARTS_AT = '2027-07-07T08:00:00Z';
const ENDS_AT = '2027-07-07T10:00:00Z';

async function setUp(prefix: string) {
  const owner = await signup(prefix);
  const api = await ApiSession.login(owner);
  const project = await api.post<{ id: number }>('/api/v1/projects', { name: `Festival ${prefix}`, starts_on: '2027-07-05', ends_on: '2027-07-11' });
  const mission = await createMission(api, project.id, 'Balances', STARTS_AT, ENDS_AT);
  return { owner, api, projectId: project.id, missionId: mission.missionId };
}

async function openWeek(page: Page, projectId: number) {
  await page.setViewportSize({ width: 1400, height: 1600 });
  await page.goto(`/planning?project=${projectId}&view=timeGridWeek&date=2027-07-05`);
  const group = page.getByRole('group', { name: /^Mission Balances,/ });
  await expect(group).toBeVisible();
  // FullCalendar's draggable element wraps our event content.
  const event = page.locator('.fc-timegrid-event', { has: group });
  // 09:00 at the top of the time grid's scroller: the target times stay away from its
  // edges, where FullCalendar would auto-scroll during the drag.
  await page.locator('td.fc-timegrid-slot-lane[data-time="09:00:00"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  return event;
}

/** Vertical pixels between two times of the week view's slot lanes. */
async function laneTop(page: Page, time: string): Promise<number> {
  const box = await page.locator(`td.fc-timegrid-slot-lane[data-time="${time}"]`).boundingBox();
  expect(box, time).toBeTruthy();
  return box!.y;
}

async function columnX(page: Page, day: string): Promise<number> {
  const box = await page.locator(`td.fc-timegrid-col[data-date="${day}"]`).boundingBox();
  expect(box, day).toBeTruthy();
  return box!.x;
}

async function drag(page: Page, from: { x: number; y: number }, dx: number, dy: number) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + dx / 2, from.y + dy / 2, { steps: 10 });
  await page.mouse.move(from.x + dx, from.y + dy, { steps: 10 });
  await page.mouse.up();
}

const instant = (iso: string) => new Date(iso).toISOString();

test('drag a mission to another day and time on the week view', async ({ page }) => {
  const { owner, api, projectId, missionId } = await setUp('reschedule-move');
  await login(page, owner);
  const event = await openWeek(page, projectId);
  const box = (await event.boundingBox())!;
  // Wednesday 10:00 -> Thursday 14:00: one column right, four hours down.
  const dx = (await columnX(page, '2027-07-08')) - (await columnX(page, '2027-07-07'));
  const ten = await laneTop(page, '10:00:00');
  const dy = (await laneTop(page, '14:00:00')) - ten;
  // Grab the middle of the event's second quarter of an hour (the snap is 15 minutes).
  const quarter = ((await laneTop(page, '10:30:00')) - ten) / 2;
  await drag(page, { x: box.x + box.width / 2, y: ten + quarter * 1.5 }, dx, dy);
  await expect(page.getByRole('status').filter({ hasText: fr.planning_rescheduled })).toBeVisible();

  await expect
    .poll(async () => {
      const m = await api.get<MissionOut>(`/api/v1/missions/${missionId}`);
      return [instant(m.starts_at), instant(m.ends_at)];
    })
    .toEqual(['2027-07-08T12:00:00.000Z', '2027-07-08T14:00:00.000Z']);
  await api.dispose();
});

test('resize a mission on the week view', async ({ page }) => {
  const { owner, api, projectId, missionId } = await setUp('reschedule-resize');
  await login(page, owner);
  const event = await openWeek(page, projectId);
  await event.hover();
  const resizer = event.locator('.fc-event-resizer-end');
  const box = (await resizer.boundingBox())!;
  // End 12:00 -> 13:30 (local): ninety minutes down.
  const dy = (await laneTop(page, '13:30:00')) - (await laneTop(page, '12:00:00'));
  await drag(page, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, 0, dy);
  await expect(page.getByRole('status').filter({ hasText: fr.planning_rescheduled })).toBeVisible();

  await expect
    .poll(async () => {
      const m = await api.get<MissionOut>(`/api/v1/missions/${missionId}`);
      return [instant(m.starts_at), instant(m.ends_at)];
    })
    .toEqual([instant(STARTS_AT), '2027-07-07T11:30:00.000Z']);
  await api.dispose();
});

test('the project wizard sends managers, required skills and per-slot roles', async ({ page }) => {
  const owner = await signup('wizard-roles');
  const api = await ApiSession.login(owner);
  const members = await api.get<{ items: { account_id: number; email: string }[] }>('/api/v1/orgs/current/members?page_size=200');
  const ownerId = members.items.find((m) => m.email === owner.email)!.account_id;

  await login(page, owner);
  await page.goto('/projects/new');
  await page.getByLabel(fr.projects_field_name, { exact: true }).fill('Festival roles');
  await page.getByLabel(fr.projects_field_starts_on, { exact: true }).fill('2027-07-05');
  await page.getByLabel(fr.projects_field_ends_on, { exact: true }).fill('2027-07-06');
  await page.getByRole('group', { name: fr.projects_wizard_managers }).getByRole('checkbox', { name: new RegExp(owner.email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).check();
  await page.getByRole('button', { name: fr.projects_wizard_next }).click();

  await page.getByLabel(fr.projects_field_mission_title, { exact: true }).fill('Festival');
  await page.getByLabel(msg('projects_slot_title', { n: '1' }), { exact: true }).fill('Montage');
  // Shared roles (montage): machiniste x3 needing CACES.
  await page.getByLabel(msg('projects_role_name', { n: '1' }), { exact: true }).fill('Machiniste');
  await page.getByLabel(msg('projects_role_quota', { n: '1' }), { exact: true }).fill('3');
  const skills = page.getByLabel(msg('projects_role_skills', { n: '1' }), { exact: true });
  await skills.fill('CACES');
  await skills.press('Enter');
  await expect(page.getByRole('button', { name: msg('projects_role_skill_remove', { skill: 'caces' }) })).toBeVisible();
  // Slot 2 (exploitation) has its own roles.
  await page.getByRole('button', { name: fr.projects_add_slot }).click();
  await page.getByLabel(msg('projects_slot_title', { n: '2' }), { exact: true }).fill('Exploitation');
  await page.getByLabel(msg('projects_slot_own_roles', { n: '2' })).check();
  await page.getByLabel(msg('projects_slot_role_name', { slot: '2', n: '1' }), { exact: true }).fill('Regisseur son');
  await page.getByLabel(msg('projects_slot_role_quota', { slot: '2', n: '1' }), { exact: true }).fill('1');
  const slotSkills = page.getByLabel(msg('projects_slot_role_skills', { slot: '2', n: '1' }), { exact: true });
  await slotSkills.fill('son, console');
  await slotSkills.blur();
  await page.getByRole('button', { name: fr.projects_wizard_preview }).click();

  await expect(page.getByRole('status').filter({ hasText: msg('projects_wizard_summary_other', { count: '4', name: 'Festival roles' }) })).toBeVisible();
  // One bulk creation with per-slot roles; the night slot (19:00-01:00) is marked "+1 j".
  await expect(page.getByRole('heading', { name: fr.projects_wizard_slots })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Exploitation' }).getByText(fr.projects_next_day_short)).toBeVisible();
  await page.getByRole('button', { name: msg('projects_wizard_create_other', { count: '4' }) }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Festival roles' })).toBeVisible();

  const projectId = Number(/\/projects\/(\d+)/.exec(page.url())![1]);
  const project = await api.get<{ managers: number[] }>(`/api/v1/projects/${projectId}`);
  expect(project.managers).toEqual([ownerId]);
  const missions = await api.get<{ items: MissionOut[] }>(`/api/v1/missions?project=${projectId}&page_size=200`);
  expect(missions.items).toHaveLength(4);
  for (const mission of missions.items) {
    const roles = mission.roles.map((r) => ({ name: r.name, quota: r.quota, required_skills: r.required_skills }));
    if (mission.title === 'Montage') expect(roles).toEqual([{ name: 'Machiniste', quota: 3, required_skills: ['caces'] }]);
    // Slot 2's own roles started as a copy of the shared ones (with their skill).
    else expect(roles).toEqual([{ name: 'Regisseur son', quota: 1, required_skills: ['caces', 'son', 'console'] }]);
  }
  const nights = missions.items.filter((m) => m.title === 'Exploitation');
  expect(nights).toHaveLength(2);
  // Sent with ends_next_day: 19:00 to 01:00 the next day.
  expect(nights.map((m) => m.duration_minutes)).toEqual([360, 360]);
  await api.dispose();
});

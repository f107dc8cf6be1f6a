/**
 * Issue 10, acting safely: an invitation that would create a conflict is shown before it
 * is sent (dry-run check) and can be cancelled; once sent, Undo cancels it for real; the
 * bulk invitation of a project works on a mission with several roles. (Replace on the
 * conflicts page: crew.spec.ts.)
 */
import { ApiSession, createMission, createUser, invite } from './crew-api';
import { expect, expectAccessible, fr, login, msg, signup, snapshot, test } from './support';

interface AssignmentPage {
  items: { id: number; user_id: number; mission_role_id: number; status: string }[];
}

test('planning: an invite that creates a conflict asks first, and Undo cancels it', async ({ page }) => {
  const owner = await signup('dryrun');
  const api = await ApiSession.login(owner);
  const lea = await createUser(api, 'Lea', 'Martin');
  const project = await api.post<{ id: number }>('/api/v1/projects', { name: 'Festival dry run', starts_on: '2027-07-05', ends_on: '2027-07-11' });
  // 10:00-12:00 and 11:00-13:00 in Paris on Wednesday 7 July 2027: Lea would be in both.
  const balances = await createMission(api, project.id, 'Balances', '2027-07-07T08:00:00Z', '2027-07-07T10:00:00Z');
  const concert = await createMission(api, project.id, 'Concert', '2027-07-07T09:00:00Z', '2027-07-07T11:00:00Z');
  await invite(api, balances.roleId, lea.id);
  const onConcert = async () =>
    (await api.get<AssignmentPage>(`/api/v1/assignments?mission=${concert.missionId}`)).items;

  await login(page, owner);
  await page.setViewportSize({ width: 1400, height: 1200 });
  await page.goto(`/planning?project=${project.id}&view=timeGridWeek&date=2027-07-05&mission=${concert.missionId}`);
  const panel = page.getByRole('region', { name: 'Concert' });
  await expect(panel).toBeVisible();

  // The keyboard way to a drop: the panel's form. The check finds the overlap first.
  await panel.getByLabel(fr.planning_invite_user).selectOption({ label: 'Lea Martin' });
  await panel.getByRole('button', { name: fr.planning_invite, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: fr.check_title_invite });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(msg('check_intro_one', { count: '1' }));
  // In the catalog's words, on the missions' own clock (Paris, the org's: no zone named).
  await expect(dialog).toContainText(
    msg('conflict_text_overlap', {
      name: 'Lea Martin',
      first: msg('conflict_when', { start: '7 juil. 2027, 10:00', end: '12:00' }),
      second: msg('conflict_when', { start: '7 juil. 2027, 11:00', end: '13:00' }),
      hours: msg('duration_hours', { hours: '1' }),
    }),
  );
  // The modal takes the focus on its first button: Cancel, the safe choice.
  await expect(dialog.getByRole('button', { name: fr.action_cancel })).toBeFocused();
  await expectAccessible(page, 'planning-check-dialog');
  await snapshot(page, 'planning-check-dialog');

  // Escape cancels: nothing was sent.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await onConcert()).toEqual([]);

  // Confirmed this time: the invitation goes, with its warning, and an Undo is offered.
  await panel.getByRole('button', { name: fr.planning_invite, exact: true }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: fr.check_confirm_invite }).click();
  const sent = msg('planning_invited_warnings_one', { name: 'Lea Martin', count: '1' });
  await expect(page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: sent }).first()).toBeVisible();
  const [made] = await onConcert();
  expect(made?.status).toBe('INVITED');
  // Undo is offered for a few seconds: clicked at once (axe runs after, on its outcome).
  await page.getByRole('button', { name: msg('undo_for', { message: sent }) }).click();
  await expect(page.getByRole('status').filter({ hasText: msg('planning_undo_invite', { name: 'Lea Martin' }) })).toBeVisible();
  await expectAccessible(page, 'planning-undo');
  expect((await onConcert()).map((a) => a.status)).toEqual(['CANCELLED']);
  await api.dispose();
});

test('projects: bulk invitation on missions with several roles takes one role per mission', async ({ page }) => {
  const owner = await signup('bulk');
  const api = await ApiSession.login(owner);
  const ines = await createUser(api, 'Ines', 'Roy');
  const project = await api.post<{ id: number }>('/api/v1/projects', { name: 'Festival roles', starts_on: '2027-07-05', ends_on: '2027-07-11' });
  const concert = await api.post<{ id: number; roles: { id: number; name: string }[] }>('/api/v1/missions', {
    project_id: project.id,
    title: 'Concert',
    starts_at: '2027-07-08T17:00:00Z',
    ends_at: '2027-07-08T21:00:00Z',
    roles: [
      { name: 'Regie son', quota: 1 },
      { name: 'Lumiere', quota: 2 },
      { name: 'Plateau', quota: 3 },
    ],
  });
  const montage = await createMission(api, project.id, 'Montage', '2027-07-08T07:00:00Z', '2027-07-08T11:00:00Z');

  await login(page, owner);
  await page.goto(`/projects/${project.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Festival roles' })).toBeVisible();
  for (const title of ['Concert', 'Montage']) {
    await page.getByRole('checkbox', { name: new RegExp(`^${msg('projects_select_mission', { title }).replace(/,.*$/, '')}`) }).check();
  }
  await page.getByLabel(fr.projects_assign_user).selectOption({ label: 'Ines Roy' });
  const button = page.getByRole('button', { name: fr.projects_action_assign });
  await expect(button).toHaveAccessibleDescription(fr.projects_action_assign_hint);
  await button.click();
  await expect(page.getByRole('status').filter({ hasText: msg('projects_done_assigned_other', { count: '2' }) })).toBeVisible();
  await expectAccessible(page, 'project-bulk-invite');

  const mine = (await api.get<AssignmentPage>(`/api/v1/assignments?user=${ines.id}`)).items;
  expect(mine.map((a) => a.mission_role_id).sort((a, b) => a - b)).toEqual([concert.roles[0]!.id, montage.roleId].sort((a, b) => a - b));
  expect(mine.every((a) => a.status === 'INVITED')).toBe(true);
  await api.dispose();
});

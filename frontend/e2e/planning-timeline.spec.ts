/**
 * Issue 10, the planning at festival density: a festival seeded through the API
 * (3 stages and a mission without place, 31 missions over 5 days, 20 people,
 * several roles, answers accepted and declined), read on the crew timeline by
 * place, person and role at each zoom, in the month / week / day grids, with the
 * keyboard, and as a day agenda on a phone. axe and a screenshot on every view.
 * A second test measures the timeline with 200 people over a month.
 */
import type { Page } from '@playwright/test';

import { ApiSession, createUser, linkIn, type CrewUser } from './crew-api';
import { expect, expectAccessible, fr, login, msg, signup, snapshot, test, waitForMail, type Account } from './support';

const DAYS = ['2027-07-05', '2027-07-06', '2027-07-07', '2027-07-08', '2027-07-09'];
const STAGES = ['Cour', 'Cloitre', 'Chapiteau'];
const FIRST = ['Lea', 'Hugo', 'Ines', 'Theo', 'Jade', 'Louis', 'Emma', 'Noah', 'Lina', 'Adam'];
const LAST = ['Martin', 'Bernard'];

interface MissionOut {
  id: number;
  title: string;
  roles: { id: number; name: string }[];
}

interface Festival {
  owner: Account;
  projectId: number;
  people: CrewUser[];
  /** Exploitation Cour on 5 July: 1 accepted, 1 declined, 1 invited out of 7. */
  showId: number;
}

/** Paris is UTC+2 in July: 08:00 local is 06:00Z. */
const at = (day: string, hourUtc: number) => `${day}T${String(hourUtc).padStart(2, '0')}:00:00Z`;

async function answer(owner: Account, email: string, subject: string, accept: boolean): Promise<void> {
  const mail = await waitForMail(owner, email, subject);
  const path = linkIn(mail, /\/invitations\/\d+\?token=/);
  const [, id, token] = /\/invitations\/(\d+)\?token=([^&]+)/.exec(path)!;
  const api = await ApiSession.login(owner);
  // The public answer needs no session: the signed link's token is enough.
  await api.post(`/api/v1/invitations/${id}/${accept ? 'accept' : 'decline'}?token=${token}`, accept ? {} : { reason: 'deja pris' });
  await api.dispose();
}

async function seedFestival(prefix: string): Promise<Festival> {
  const owner = await signup(prefix);
  const api = await ApiSession.login(owner);
  const places: number[] = [];
  for (const name of STAGES) places.push((await api.post<{ id: number }>('/api/v1/places', { name })).id);
  const project = await api.post<{ id: number }>('/api/v1/projects', {
    name: 'Festival 2027',
    starts_on: DAYS[0],
    ends_on: DAYS.at(-1),
  });
  const people: CrewUser[] = [];
  for (const last of LAST) for (const first of FIRST) people.push(await createUser(api, first, last));
  const missions: MissionOut[] = [];
  for (const day of DAYS) {
    for (const [i, placeId] of places.entries()) {
      missions.push(
        await api.post<MissionOut>('/api/v1/missions', {
          project_id: project.id,
          title: `Montage ${STAGES[i]}`,
          starts_at: at(day, 6),
          ends_at: at(day, 11),
          place: '',
          place_id: placeId,
          roles: [
            { name: 'Machiniste', quota: 3 },
            { name: 'Technicien son', quota: 1 },
          ],
        }),
      );
      missions.push(
        await api.post<MissionOut>('/api/v1/missions', {
          project_id: project.id,
          title: `Exploitation ${STAGES[i]}`,
          starts_at: at(day, 17),
          ends_at: at(day, 23),
          place: '',
          place_id: placeId,
          roles: [
            { name: 'Technicien son', quota: 2 },
            { name: 'Eclairagiste', quota: 2 },
            { name: 'Machiniste', quota: 3 },
          ],
        }),
      );
    }
  }
  missions.push(
    await api.post<MissionOut>('/api/v1/missions', {
      project_id: project.id,
      title: 'Reunion de production',
      starts_at: at(DAYS[0]!, 8),
      ends_at: at(DAYS[0]!, 9),
      place: '',
      roles: [{ name: 'Regie generale', quota: 1 }],
    }),
  );
  // Exploitation Cour on 5 July: Lea accepts, Hugo declines, Ines has not answered.
  const show = missions.find((m) => m.title === 'Exploitation Cour')!;
  const invite = (roleId: number, userId: number) =>
    api.post('/api/v1/assignments', { mission_role_id: roleId, user_id: userId });
  const [lea, hugo, ines, theo] = people as [CrewUser, CrewUser, CrewUser, CrewUser];
  await invite(show.roles[0]!.id, lea.id);
  await invite(show.roles[0]!.id, hugo.id);
  await invite(show.roles[1]!.id, ines.id);
  // Montage Cour on 5 July complete: Theo on the sound role, three machinists accepted.
  const montage = missions.find((m) => m.title === 'Montage Cour')!;
  const builders = people.slice(10, 13);
  await invite(montage.roles[1]!.id, theo.id);
  for (const b of builders) await invite(montage.roles[0]!.id, b.id);
  const emailOf = async (u: CrewUser) => (await api.get<{ email: string }>(`/api/v1/users/${u.id}`)).email;
  await answer(owner, await emailOf(lea), 'Exploitation Cour', true);
  await answer(owner, await emailOf(hugo), 'Exploitation Cour', false);
  for (const u of [theo, ...builders]) await answer(owner, await emailOf(u), 'Montage Cour', true);
  await api.dispose();
  return { owner, projectId: project.id, people, showId: show.id };
}

/**
 * The timeline's event of a mission on a day, by its label (FullCalendar keeps the
 * time area out of the accessibility tree, so no role locator reaches it).
 */
function timelineEvent(page: Page, title: string, day = '5 juil') {
  return page.locator(`.fc-timeline-event [role="group"][aria-label^="Mission ${title}, ${day}"]`);
}

async function noHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'horizontal scroll of the page').toBeLessThanOrEqual(0);
}

test('festival planning: timeline by place, person and role, zooms, grids, keyboard, phone agenda', async ({ page }) => {
  test.setTimeout(240_000);
  const festival = await seedFestival('timeline');
  await page.setViewportSize({ width: 1440, height: 900 });
  await login(page, festival.owner);
  await page.goto(`/planning?date=${DAYS[0]}`);

  // Managers land on the crew timeline, rows by place, one toolbar.
  const toolbar = page.getByRole('toolbar', { name: fr.planning_toolbar });
  await expect(toolbar.getByRole('button', { name: fr.planning_view_timeline })).toHaveAttribute('aria-pressed', 'true');
  await expect(toolbar.getByLabel(fr.planning_zoom)).toHaveValue('week');
  await expect(toolbar.getByLabel(fr.planning_resource_rows)).toHaveValue('place');
  const rowHeaders = page.locator('.fc-datagrid-body .fc-datagrid-cell-main');
  await expect(rowHeaders).toHaveText(['Chapiteau', 'Cloitre', 'Cour', fr.planning_no_place]);

  // Events readable at a glance: title, fill, colour of the fill state.
  const show = timelineEvent(page, 'Exploitation Cour');
  await expect(show).toContainText('1/7');
  await expect(show).toHaveAttribute('data-tone', 'danger');
  await expect(timelineEvent(page, 'Montage Cour')).toHaveAttribute('data-tone', 'success');
  await expect(timelineEvent(page, 'Montage Cour')).toContainText('4/4');
  await expect(timelineEvent(page, 'Montage Chapiteau')).toHaveAttribute('data-tone', 'neutral');
  await expect(timelineEvent(page, 'Reunion de production')).toHaveCount(1);
  await expect(page.locator('.fc-timeline-event')).toHaveCount(31);
  // Open places per day in the time axis: 5 July has 3 x (4 + 7) + 1 places, 5 of them accepted.
  await expect(page.locator('.fc-timeline-header [data-open-places]').first()).toHaveText(
    msg('planning_open_places_other', { count: '29' }),
  );

  // Full width: with the crew panel folded the calendar takes the row, near the top.
  const panelToggle = toolbar.getByRole('button', { name: fr.planning_crew_panel_toggle });
  await expect(panelToggle).toHaveAttribute('aria-expanded', 'true');
  await expectAccessible(page, 'planning-timeline-place-week');
  await snapshot(page, 'planning-timeline-place-week-1440');
  await panelToggle.click();
  await expect(panelToggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('heading', { name: fr.planning_crew_title })).toBeHidden();
  const box = (await page.locator('.fc').boundingBox())!;
  expect(box.width).toBeGreaterThan(1000);
  expect(box.y).toBeLessThan(260);
  await page.reload();
  await expect(panelToggle).toHaveAttribute('aria-expanded', 'false');
  await panelToggle.click();

  // The legend explains each colour.
  const legendToggle = toolbar.getByRole('button', { name: fr.planning_legend_toggle });
  await legendToggle.click();
  const legend = page.getByRole('region', { name: fr.planning_legend });
  for (const key of ['planning_fill_complete', 'planning_fill_declined', 'planning_fill_missing', 'planning_fill_pending'] as const) {
    await expect(legend.getByText(fr[key])).toBeVisible();
  }
  await expect(legend.getByText(fr.planning_status_accepted)).toBeVisible();

  // Each zoom of the timeline, rows by place.
  for (const zoom of ['day', 'days3', 'month'] as const) {
    await toolbar.getByLabel(fr.planning_zoom).selectOption(zoom);
    await expect(timelineEvent(page, 'Exploitation Cour')).toBeVisible();
    await expectAccessible(page, `planning-timeline-place-${zoom}`);
    await snapshot(page, `planning-timeline-place-${zoom}-1440`);
  }
  await expect(page.locator('.fc-timeline-event')).toHaveCount(31);
  // Back to the week zoom: the calendar comes back to the festival's week (its current day),
  // not to the week of the month's first day (28 June - 4 July), even after the full-page
  // screenshots flipped the layout to the phone agenda and back.
  await toolbar.getByLabel(fr.planning_zoom).selectOption('week');
  await expect(timelineEvent(page, 'Exploitation Cour')).toBeVisible();

  // Rows by person: each person's assignments coloured by status, hours in the row header.
  await toolbar.getByLabel(fr.planning_resource_rows).selectOption('user');
  const leaRow = page.locator('.fc-datagrid-body .fc-datagrid-cell-main', { hasText: 'Lea Martin' });
  await expect(leaRow).toContainText(msg('duration_hours', { hours: '6' }));
  await expect(page.locator('.fc-timeline-event [data-tone="success"]', { hasText: 'Exploitation Cour' })).toHaveCount(1);
  await expect(page.locator('.fc-timeline-event [data-tone="danger"]', { hasText: 'Exploitation Cour' })).toHaveCount(1);
  await expect(page.locator('.fc-timeline-event [data-tone="info"]', { hasText: 'Exploitation Cour' })).toHaveCount(1);
  await expectAccessible(page, 'planning-timeline-user-week');
  await snapshot(page, 'planning-timeline-user-week-1440');

  // Status filter: only accepted assignments show; the fill counters do not move.
  await toolbar.getByRole('checkbox', { name: fr.planning_status_accepted }).check();
  await expect(page.locator('.fc-timeline-event [data-tone="danger"]')).toHaveCount(0);
  await expect(page.locator('.fc-timeline-event [data-tone="info"]')).toHaveCount(0);
  await expect(page.locator('.fc-timeline-event [data-tone="success"]')).toHaveCount(5);
  await toolbar.getByLabel(fr.planning_resource_rows).selectOption('place');
  await expect(timelineEvent(page, 'Exploitation Cour')).toContainText('1/7');
  await toolbar.getByRole('checkbox', { name: fr.planning_status_accepted }).uncheck();

  // Rows by role: a piece of each mission in each of its roles' rows, with that role's fill.
  await toolbar.getByLabel(fr.planning_resource_rows).selectOption('role');
  await expect(rowHeaders).toHaveText(['Eclairagiste', 'Machiniste', 'Regie generale', 'Technicien son']);
  await expect(timelineEvent(page, 'Exploitation Cour').filter({ hasText: 'Exploitation Cour - Technicien son' })).toContainText('1/2');
  await expect(page.locator('.fc-timeline-event')).toHaveCount(5 * 3 * 2 + 5 * 3 * 3 + 1);
  await expectAccessible(page, 'planning-timeline-role-week');
  await snapshot(page, 'planning-timeline-role-week-1440');
  await toolbar.getByLabel(fr.planning_resource_rows).selectOption('place');

  // Drag a person from the crew list onto a mission of the timeline: invited.
  const target = timelineEvent(page, 'Montage Chapiteau');
  await page.getByRole('listitem', { name: 'Adam Bernard' }).dragTo(target);
  await expect(page.getByRole('region', { name: 'Montage Chapiteau' })).toBeVisible();
  await page.getByRole('region', { name: 'Montage Chapiteau' }).getByRole('button', { name: fr.planning_invite, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: msg('planning_invited', { name: 'Adam Bernard' }) })).toBeVisible();
  await expect(target).toHaveAttribute('data-tone', 'info');

  // The grids: month colours every mission; week and day; axe on each.
  await toolbar.getByRole('button', { name: fr.planning_view_month }).click();
  await expect(page.locator('.fc-daygrid-event [data-tone]').first()).toBeVisible();
  const monthEvents = page.locator('.fc-daygrid-event');
  for (const event of await monthEvents.all()) {
    const background = await event.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background, 'month events are coloured').not.toBe('rgba(0, 0, 0, 0)');
  }
  await expect(page.locator('.fc-more-link').first()).toHaveAttribute('role', 'button');
  await expectAccessible(page, 'planning-month');
  await snapshot(page, 'planning-month-1440');
  await toolbar.getByRole('button', { name: fr.planning_view_week }).click();
  await expect(page.getByRole('group', { name: /^Mission Exploitation Cour, 5 juil/ })).toBeVisible();
  await expectAccessible(page, 'planning-week');
  await snapshot(page, 'planning-week-1440');

  // Keyboard: an event takes the focus and Enter opens its panel.
  const weekEvent = page.locator('.fc-timegrid-event', { hasText: 'Reunion de production' });
  await weekEvent.focus();
  await page.keyboard.press('Enter');
  const reunion = page.getByRole('region', { name: 'Reunion de production' });
  await expect(reunion).toBeVisible();
  // Keyboard way to a move: the panel's times, checked and sent like a drop.
  const zone = msg('time_zone_city', { city: 'Paris' });
  await reunion.getByLabel(msg('planning_move_starts', { zone })).fill('2027-07-05T11:00');
  await reunion.getByLabel(msg('planning_move_ends', { zone })).fill('2027-07-05T12:00');
  await reunion.getByRole('button', { name: fr.planning_move_submit }).click();
  await expect(page.getByRole('status').filter({ hasText: fr.planning_rescheduled }).first()).toBeVisible();
  await expect(page.getByRole('group', { name: /^Mission Reunion de production, 5 juil\. 2027, 11:00/ })).toBeVisible();
  await toolbar.getByRole('button', { name: fr.planning_view_day }).click();
  await expect(page.getByRole('group', { name: /^Mission Reunion de production/ })).toBeVisible();
  await expectAccessible(page, 'planning-day');
  await snapshot(page, 'planning-day-1440');

  // Phone: a day agenda, grouped by time, prev/next day, tap opens the panel, no horizontal scroll.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/planning?date=${DAYS[0]}`);
  const agenda = page.getByRole('region', { name: /5 juil/ });
  await expect(agenda.getByRole('button', { name: /Exploitation Cour/ })).toBeVisible();
  await expect(agenda.getByRole('heading', { level: 3 })).toHaveText(['08:00', '11:00', '19:00']);
  await noHorizontalScroll(page);
  await expectAccessible(page, 'planning-phone-agenda');
  await snapshot(page, 'planning-phone-agenda-390');
  await agenda.getByRole('button', { name: /Exploitation Cour/ }).click();
  // The mission's panel opens in a drawer over the agenda; its close button gives the agenda back.
  const drawer = page.getByRole('dialog', { name: 'Exploitation Cour' });
  await expect(drawer.getByRole('region', { name: 'Exploitation Cour' })).toBeVisible();
  await noHorizontalScroll(page);
  await snapshot(page, 'planning-phone-mission-390');
  await drawer.getByRole('button', { name: fr.planning_close, exact: true }).click();
  await expect(drawer).toBeHidden();
  await page.getByRole('button', { name: fr.planning_agenda_next }).click();
  await expect(page.getByRole('heading', { level: 2, name: /6 juil/ })).toBeVisible();
  await expect(page.getByRole('region', { name: /6 juil/ }).getByRole('button', { name: /Montage Cloitre/ })).toBeVisible();
});

test('timeline bench: 200 people over a month, rows by person', async ({ page }) => {
  test.setTimeout(300_000);
  const owner = await signup('timeline-bench');
  const api = await ApiSession.login(owner);
  const project = await api.post<{ id: number }>('/api/v1/projects', { name: 'Juillet', starts_on: '2027-07-01', ends_on: '2027-07-31' });
  const roles: number[] = [];
  for (let day = 1; day <= 31; day += 1) {
    const date = `2027-07-${String(day).padStart(2, '0')}`;
    const mission = await api.post<MissionOut>('/api/v1/missions', {
      project_id: project.id,
      title: `Exploitation ${day}`,
      starts_at: at(date, 17),
      ends_at: at(date, 23),
      place: '',
      roles: [{ name: 'Technicien', quota: 20 }],
    });
    roles.push(mission.roles[0]!.id);
  }
  const people: CrewUser[] = [];
  for (let i = 0; i < 200; i += 1) people.push(await createUser(api, `Tech${i}`, `Bench${i}`));
  // Two missions each, on different days: 400 assignments over the month.
  for (const [i, person] of people.entries()) {
    for (const day of [i % 31, (i + 11) % 31]) {
      await api.post('/api/v1/assignments', { mission_role_id: roles[day], user_id: person.id });
    }
  }
  await api.dispose();

  await page.setViewportSize({ width: 1440, height: 900 });
  await login(page, owner);
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
  });
  const started = Date.now();
  await page.goto('/planning?view=timeline&date=2027-07-01');
  await page.getByRole('toolbar', { name: fr.planning_toolbar }).getByLabel(fr.planning_zoom).selectOption('month');
  await page.getByRole('toolbar', { name: fr.planning_toolbar }).getByLabel(fr.planning_resource_rows).selectOption('user');
  await expect(page.locator('.fc-timeline-event')).toHaveCount(400, { timeout: 60_000 });
  const firstRender = Date.now() - started;
  const rows = await page.locator('.fc-datagrid-body tr').count();
  expect(rows).toBeGreaterThanOrEqual(200);
  // Scroll the page (the timeline grows with it, under a sticky time axis) from top to
  // bottom in steps, timing the two frames after each step.
  const frames = await page.evaluate(async () => {
    const ancestors: Element[] = [];
    for (let el = document.querySelector('.fc')?.parentElement; el; el = el.parentElement) ancestors.push(el);
    const scroller = [...ancestors, document.scrollingElement].find(
      (el): el is Element => !!el && el.scrollHeight > el.clientHeight + 100 && (el === document.scrollingElement || getComputedStyle(el).overflowY !== 'visible'),
    );
    if (!scroller) return [];
    const times: number[] = [];
    for (let top = 0; top <= scroller.scrollHeight; top += 400) {
      const before = performance.now();
      scroller.scrollTop = top;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      times.push(performance.now() - before);
    }
    return times;
  });
  expect(frames.length, 'the planning scrolls').toBeGreaterThan(3);
  // The time axis stays in view while the rows scroll under it.
  // Halfway down the 200 rows, the time axis is still at the top of the screen.
  const axisTop = await page.evaluate(async () => {
    const grid = document.querySelector('.fc-scrollgrid')!;
    const rect = grid.getBoundingClientRect();
    window.scrollBy(0, rect.top + rect.height / 2);
    document.scrollingElement?.scrollBy(0, 0);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return document.querySelector('.fc-scrollgrid-section-sticky > *')!.getBoundingClientRect().top;
  });
  expect(axisTop).toBeGreaterThanOrEqual(-1);
  expect(axisTop).toBeLessThan(10);
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  const sorted = [...frames].sort((a, b) => a - b);
  const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? 0;
  console.log(
    `timeline bench: ${rows} rows x 31 days, 400 assignments; first render ${firstRender} ms (login page excluded), ` +
      `scroll steps ${frames.length}, median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms; ` +
      `long tasks ${longTasks.length} (longest ${Math.max(0, ...longTasks).toFixed(0)} ms)`,
  );
  await snapshot(page, 'planning-timeline-bench-200x31-1440');
});

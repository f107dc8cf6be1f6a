/**
 * Issue 10 leftovers on the planning: the selected mission's panel survives a
 * window resized to a phone (drawer) and back; every event of the timeline, week
 * and month is reached with Tab, named, ringed and opened with Enter or Space;
 * the month's day cells show their open places; axe passes on every planning
 * view at the tablet and small laptop widths (768 and 1024 px), between the
 * 1440 and 390 px of planning-timeline.spec.ts.
 */
import type { Locator, Page } from '@playwright/test';

import { ApiSession, createUser } from './crew-api';
import { expect, expectAccessible, fr, login, msg, signup, snapshot, test, type Account } from './support';

/** Paris is UTC+2 in July: 08:00 local is 06:00Z. */
const at = (day: string, hourUtc: number) => `${day}T${String(hourUtc).padStart(2, '0')}:00:00Z`;

async function seed(prefix: string): Promise<Account> {
  const owner = await signup(prefix);
  const api = await ApiSession.login(owner);
  const cour = (await api.post<{ id: number }>('/api/v1/places', { name: 'Cour' })).id;
  const cloitre = (await api.post<{ id: number }>('/api/v1/places', { name: 'Cloitre' })).id;
  const project = await api.post<{ id: number }>('/api/v1/projects', {
    name: 'Festival 2027',
    starts_on: '2027-07-05',
    ends_on: '2027-07-12',
  });
  const mission = (title: string, placeId: number, startsAt: string, endsAt: string, roles: { name: string; quota: number }[]) =>
    api.post<{ id: number; roles: { id: number }[] }>('/api/v1/missions', {
      project_id: project.id,
      title,
      starts_at: startsAt,
      ends_at: endsAt,
      place: '',
      place_id: placeId,
      roles,
    });
  // 5 July: 4 + 4 + 2 = 10 open places; 6 July: 2; 7 July: 1; 12 July: 2.
  await mission('Montage Cour', cour, at('2027-07-05', 6), at('2027-07-05', 11), [
    { name: 'Machiniste', quota: 3 },
    { name: 'Technicien son', quota: 1 },
  ]);
  const show = await mission('Exploitation Cour', cour, at('2027-07-05', 17), at('2027-07-05', 23), [
    { name: 'Technicien son', quota: 2 },
    { name: 'Eclairagiste', quota: 2 },
  ]);
  await mission('Montage Cloitre', cloitre, at('2027-07-05', 6), at('2027-07-05', 11), [{ name: 'Machiniste', quota: 2 }]);
  await mission('Exploitation Cloitre', cloitre, at('2027-07-06', 17), at('2027-07-06', 21), [{ name: 'Technicien son', quota: 2 }]);
  await mission('Balances Cloitre', cloitre, at('2027-07-07', 8), at('2027-07-07', 10), [{ name: 'Technicien son', quota: 1 }]);
  await mission('Concert Cour', cour, at('2027-07-12', 18), at('2027-07-12', 22), [{ name: 'Technicien son', quota: 2 }]);
  const lea = await createUser(api, 'Lea', 'Martin');
  const hugo = await createUser(api, 'Hugo', 'Bernard');
  for (const user of [lea, hugo]) await api.post('/api/v1/assignments', { mission_role_id: show.roles[0]!.id, user_id: user.id });
  await api.dispose();
  return owner;
}

const toolbarOf = (page: Page) => page.getByRole('toolbar', { name: fr.planning_toolbar });
/** An event of the calendar, by the start of its name ("Mission <title>, <day>"). */
const eventNamed = (page: Page, title: string) => page.getByRole('button', { name: new RegExp(`^Mission ${title},`) });

/** Tabs from where the focus is until it lands on an element matching `selector` (at most `max` presses). */
async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');

async function expectRing(event: Locator): Promise<void> {
  const outline = await event.evaluate((el) => {
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(outline.style, 'focus ring').toBe('solid');
  expect(outline.width).toBeGreaterThanOrEqual(2);
}

test('the selected mission stays open from desktop to phone (drawer) and back', async ({ page }) => {
  const owner = await seed('widths-resize');
  await page.setViewportSize({ width: 1440, height: 900 });
  await login(page, owner);
  await page.goto('/planning?date=2027-07-05');
  await toolbarOf(page).getByRole('button', { name: fr.planning_view_week }).click();

  // A mission two days after the linked day, opened with the keyboard.
  await eventNamed(page, 'Balances Cloitre').focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: 'Balances Cloitre' });
  await expect(panel).toBeVisible();

  // Phone: the agenda opens on that mission's day, its panel in a drawer.
  await page.setViewportSize({ width: 390, height: 844 });
  const drawer = page.getByRole('dialog', { name: 'Balances Cloitre' });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole('region', { name: 'Balances Cloitre' })).toBeVisible();
  // (The page under a modal dialog is inert: read the agenda's title by its id.)
  await expect(page.locator('#day-agenda-title')).toHaveText(/7 juil/);
  await expectAccessible(page, 'planning-phone-drawer');
  await snapshot(page, 'planning-phone-drawer-390');

  // Back to the desktop: the panel beside the calendar, the mission in view.
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(drawer).toBeHidden();
  await expect(panel).toBeVisible();
  await expect(eventNamed(page, 'Balances Cloitre')).toBeVisible();

  // On the phone again: the drawer closes with the panel's button; another day, another mission.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(drawer).toBeVisible();
  await drawer.getByRole('button', { name: fr.planning_close, exact: true }).click();
  await expect(drawer).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: /7 juil/ })).toBeVisible();
  for (let day = 8; day <= 12; day += 1) {
    await page.getByRole('button', { name: fr.planning_agenda_next }).click();
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`${day} juil`) })).toBeVisible();
  }
  await page.getByRole('region', { name: /12 juil/ }).getByRole('button', { name: /Concert Cour/ }).click();
  await expect(page.getByRole('dialog', { name: 'Concert Cour' })).toBeVisible();

  // The grid comes back on that week (not on the linked one), with the panel.
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(page.getByRole('region', { name: 'Concert Cour' })).toBeVisible();
  await expect(eventNamed(page, 'Concert Cour')).toBeVisible();
});

test('every event is reached with Tab, named, ringed, opened with Enter or Space; month cells count open places', async ({ page }) => {
  const owner = await seed('widths-keys');
  await page.setViewportSize({ width: 1440, height: 900 });
  await login(page, owner);
  await page.goto('/planning?date=2027-07-05');
  const toolbar = toolbarOf(page);
  await expect(toolbar.getByRole('button', { name: fr.planning_view_timeline })).toHaveAttribute('aria-pressed', 'true');
  await expect(eventNamed(page, 'Montage Cour')).toBeVisible();

  // Timeline: every event in the tab order and out of hidden content.
  const events = page.locator('.fc-timeline-event');
  await expect(events).toHaveCount(5);
  const reachable = await events.evaluateAll(
    (els) => els.filter((el) => (el as HTMLElement).tabIndex === 0 && !el.closest('[aria-hidden="true"]')).length,
  );
  expect(reachable).toBe(5);
  // From the calendar's own buttons, Tab goes into the events, one after the other.
  await page.locator('.fc-today-button').focus();
  await tabTo(page, '.fc-timeline-event');
  const first = await focusedLabel(page);
  expect(first).toMatch(/^Mission .+, \d+ juil\. 2027, \d\d:\d\d, .+pourvues, .+$/);
  await expectRing(page.locator('.fc-timeline-event:focus'));
  await page.keyboard.press('Tab');
  const second = await focusedLabel(page);
  expect(second).toMatch(/^Mission /);
  expect(second).not.toBe(first);
  // The invited show reads its fill and its state.
  await expect(eventNamed(page, 'Exploitation Cour')).toHaveAccessibleName(
    new RegExp(`, Cour, ${msg('planning_fill_count', { fill: '0/4' })}, ${fr.planning_fill_pending}$`),
  );
  await page.keyboard.press('Enter');
  const title = /^Mission ([^,]+),/.exec(second)![1]!;
  await expect(page.getByRole('region', { name: title })).toBeVisible();
  await page.getByRole('region', { name: title }).getByRole('button', { name: fr.planning_close, exact: true }).click();

  await eventNamed(page, 'Balances Cloitre').focus();
  await page.keyboard.press(' ');
  await expect(page.getByRole('region', { name: 'Balances Cloitre' })).toBeVisible();

  // Week grid: the same from the keyboard.
  await toolbar.getByRole('button', { name: fr.planning_view_week }).click();
  await page.locator('.fc-today-button').focus();
  await tabTo(page, '.fc-timegrid-event');
  expect(await focusedLabel(page)).toMatch(/^Mission /);
  await expectRing(page.locator('.fc-timegrid-event:focus'));

  // Month: every event reachable, and each day cell with its open places.
  await toolbar.getByRole('button', { name: fr.planning_view_month }).click();
  const cell = (day: string) => page.locator(`td.fc-daygrid-day[data-date="${day}"] [data-open-places]`);
  await expect(cell('2027-07-05')).toHaveText(msg('planning_open_places_other', { count: '10' }));
  await expect(cell('2027-07-06')).toHaveText(msg('planning_open_places_other', { count: '2' }));
  await expect(cell('2027-07-07')).toHaveText(msg('planning_open_places_one', { count: '1' }));
  await expect(cell('2027-07-08')).toHaveCount(0);
  await expect(page.locator('.fc-col-header [data-open-places]')).toHaveCount(0);
  await page.locator('.fc-today-button').focus();
  await tabTo(page, '.fc-daygrid-event');
  expect(await focusedLabel(page)).toMatch(/^Mission /);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: /^(Montage|Exploitation|Balances|Concert) / })).toBeVisible();
  await snapshot(page, 'planning-month-open-places-1440');
});

test('axe passes on every planning view at 1024 and 768 px', async ({ page }) => {
  test.setTimeout(240_000);
  const owner = await seed('widths-axe');
  await login(page, owner);
  for (const width of [1024, 768]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/planning?date=2027-07-05');
    const toolbar = toolbarOf(page);
    await expect(eventNamed(page, 'Montage Cour')).toBeVisible();
    await expectAccessible(page, `planning-timeline-place-week at ${width} px`);
    await snapshot(page, `planning-timeline-place-week-${width}`);
    for (const zoom of ['day', 'days3', 'month'] as const) {
      await toolbar.getByLabel(fr.planning_zoom).selectOption(zoom);
      await expect(eventNamed(page, 'Montage Cour')).toBeVisible();
      await expectAccessible(page, `planning-timeline-place-${zoom} at ${width} px`);
    }
    await toolbar.getByLabel(fr.planning_zoom).selectOption('week');
    for (const rows of ['user', 'role'] as const) {
      await toolbar.getByLabel(fr.planning_resource_rows).selectOption(rows);
      await expect(page.locator('.fc-timeline-event').first()).toBeVisible();
      await expectAccessible(page, `planning-timeline-${rows}-week at ${width} px`);
    }
    await toolbar.getByLabel(fr.planning_resource_rows).selectOption('place');
    // The side panel open with a mission, then each grid.
    await eventNamed(page, 'Exploitation Cour').click();
    await expect(page.getByRole('region', { name: 'Exploitation Cour' })).toBeVisible();
    await expectAccessible(page, `planning-timeline-mission-panel at ${width} px`);
    await snapshot(page, `planning-timeline-mission-panel-${width}`);
    for (const [view, key] of [
      ['month', 'planning_view_month'],
      ['week', 'planning_view_week'],
      ['day', 'planning_view_day'],
    ] as const) {
      await toolbar.getByRole('button', { name: fr[key] }).click();
      await expect(eventNamed(page, 'Montage Cour')).toBeVisible();
      await expectAccessible(page, `planning-${view} at ${width} px`);
      await snapshot(page, `planning-${view}-${width}`);
    }
  }
});

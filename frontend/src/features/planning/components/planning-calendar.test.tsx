import { act, cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';

import type { MissionView } from '@/features/planning/api/get-planning';
import { PlanningCalendar } from '@/features/planning/components/planning-calendar';
import {
  PlanningStoreProvider,
  usePlanningStore,
  type PlanningView,
  type TimelineZoom,
} from '@/features/planning/stores/planning-store';
import { calendarWindow } from '@/features/planning/utils/timeline';
import { useLocaleStore } from '@/lib/i18n/locale-store';
import fr from '@/locales/fr.json';
import { renderWithProviders } from '@/testing/render';

const role = (id: number, quota: number, accepted: number) => ({
  id,
  name: 'Machiniste',
  quota,
  accepted,
  pending: 0,
  declined: 0,
  open: quota - accepted,
  reserves: 0,
  required_skills: [],
});

const mission = (id: number, title: string, startsAt: string, endsAt: string, roles: MissionView['roles']): MissionView => ({
  id,
  project_id: 1,
  project_name: 'Festival 2027',
  title,
  place_id: 7,
  place: 'Cour',
  timezone: 'Europe/Paris',
  starts_at: startsAt,
  ends_at: endsAt,
  duration_minutes: 300,
  status: 'PLANNED',
  roles,
});

// 5 July: 2 + 3 open places; 6 July: complete; 7 July: 1 open place.
const missions = [
  mission(1, 'Montage Cour', '2027-07-05T06:00:00Z', '2027-07-05T11:00:00Z', [role(10, 3, 1)]),
  mission(2, 'Exploitation Cour', '2027-07-05T17:00:00Z', '2027-07-05T21:00:00Z', [role(20, 3, 0)]),
  mission(3, 'Demontage Cour', '2027-07-06T08:00:00Z', '2027-07-06T12:00:00Z', [role(30, 2, 2)]),
  mission(4, 'Balances Cour', '2027-07-07T08:00:00Z', '2027-07-07T10:00:00Z', [role(40, 1, 0)]),
];

const planning = {
  assignments: [],
  from: '2027-06-28T00:00:00Z',
  to: '2027-08-09T00:00:00Z',
  missions: [],
  places: { '7': { name: 'Cour' } },
  projects: {},
  timezone: 'Europe/Paris',
  users: [],
};

function Selected() {
  const selected = usePlanningStore((s) => s.selectedMissionId);
  return <output aria-label="selected">{selected ?? ''}</output>;
}

function ZoomTo({ zoom }: { zoom: TimelineZoom }) {
  const setZoom = usePlanningStore((s) => s.setZoom);
  useEffect(() => setZoom(zoom), [setZoom, zoom]);
  return null;
}

function renderCalendar(view: PlanningView, zoom: TimelineZoom = 'week') {
  return renderWithProviders(
    <PlanningStoreProvider init={{ view, initialDate: '2027-07-05' }}>
      <ZoomTo zoom={zoom} />
      <PlanningCalendar
        planning={planning as never}
        missions={missions}
        userNames={new Map()}
      />
      <Selected />
    </PlanningStoreProvider>,
  );
}

const openPlaces = (count: number) =>
  (count === 1 ? fr.planning_open_places_one : fr.planning_open_places_other).replace('{count}', String(count));

describe('PlanningCalendar month view', () => {
  it("shows each day's open places in its cell, not in the weekday headers", async () => {
    const { container } = renderCalendar('dayGridMonth');
    const cell = (day: string) => container.querySelector(`td.fc-daygrid-day[data-date="${day}"]`);
    await waitFor(() => expect(cell('2027-07-05')?.querySelector('[data-open-places]')).not.toBeNull());
    expect(cell('2027-07-05')!.querySelector('[data-open-places]')).toHaveTextContent(openPlaces(5));
    expect(cell('2027-07-07')!.querySelector('[data-open-places]')).toHaveTextContent(openPlaces(1));
    // A complete day and a day without missions show no total.
    expect(cell('2027-07-06')!.querySelector('[data-open-places]')).toBeNull();
    expect(cell('2027-07-08')!.querySelector('[data-open-places]')).toBeNull();
    expect(container.querySelector('.fc-col-header [data-open-places]')).toBeNull();
  });
});

describe('PlanningCalendar keyboard', () => {
  it('makes every timeline event a named button in the tab order; Enter and Space open the panel', async () => {
    const { container } = renderCalendar('timeline', 'week');
    await waitFor(() => expect(container.querySelectorAll('.fc-timeline-event[role="button"]')).toHaveLength(4));
    // jsdom lays nothing out, so FullCalendar keeps the events invisible (no coordinates) and
    // role queries give them no name: find them by their label, check role and name apart.
    const event = (title: string) => container.querySelector<HTMLElement>(`.fc-event[aria-label^="Mission ${title},"]`)!;
    const montage = event('Montage Cour');
    const complete = event('Demontage Cour');
    expect(montage).toHaveAttribute('role', 'button');
    expect(montage.getAttribute('aria-label')).toMatch(/^Mission Montage Cour, 5 juil\. 2027, 08:00, Cour, 1\/3 pourvues, Personnes manquantes$/);
    expect(complete.getAttribute('aria-label')).toMatch(/, 2\/2 pourvues, Compl\u00e8te$/);
    expect(montage).toHaveAttribute('tabindex', '0');
    expect(montage.closest('[aria-hidden="true"]')).toBeNull();

    // Every event is in the tab order (jsdom's Tab skips what it sees as invisible: the
    // browser walk is in e2e/planning-widths.spec.ts), none inside hidden content.
    const reachable = [...container.querySelectorAll<HTMLElement>('.fc-event')].filter(
      (el) => el.tabIndex === 0 && !el.closest('[aria-hidden="true"]'),
    );
    expect(reachable.map((el) => el.getAttribute('aria-label')?.split(',')[0])).toEqual([
      'Mission Montage Cour',
      'Mission Exploitation Cour',
      'Mission Demontage Cour',
      'Mission Balances Cour',
    ]);

    montage.focus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('status', { name: 'selected' })).toHaveTextContent('1');
    complete.focus();
    await userEvent.keyboard(' ');
    expect(screen.getByRole('status', { name: 'selected' })).toHaveTextContent('3');
  });
});

function Remountable() {
  // A layout flip (phone agenda and back, a full-page screenshot) unmounts the grid.
  const [mounted, setMounted] = useState(true);
  const setZoom = usePlanningStore((s) => s.setZoom);
  const window = usePlanningStore((s) => s.window);
  return (
    <>
      <button onClick={() => setMounted((m) => !m)}>flip</button>
      <button onClick={() => setZoom('week')}>week</button>
      <output aria-label="window">{window ? `${window.from}..${window.to}` : ''}</output>
      {mounted ? <PlanningCalendar planning={planning as never} missions={missions} userNames={new Map()} /> : null}
    </>
  );
}

describe('PlanningCalendar current day', () => {
  it('keeps the day across a month zoom and a remount: the week zoom comes back to it', async () => {
    const user = userEvent.setup();
    renderWithProviders(
      <PlanningStoreProvider init={{ view: 'timeline', zoom: 'month', initialDate: '2027-07-05' }}>
        <Remountable />
      </PlanningStoreProvider>,
    );
    const shown = () => screen.getByLabelText('window');
    await waitFor(() => expect(shown()).toHaveTextContent('2027-07-01..2027-07-31'));
    await user.click(screen.getByRole('button', { name: 'flip' }));
    await user.click(screen.getByRole('button', { name: 'flip' }));
    await user.click(screen.getByRole('button', { name: 'week' }));
    // The week of the 5th (Monday), not the week of the month's first day (28 June).
    await waitFor(() => expect(shown()).toHaveTextContent('2027-07-05..2027-07-11'));
  });
});

function ShownWindow() {
  const window = usePlanningStore((s) => s.window);
  return <output aria-label="window">{window ? `${window.from}..${window.to}` : ''}</output>;
}

describe('calendarWindow', () => {
  afterEach(() => act(() => useLocaleStore.getState().setLocale('fr')));

  // A Thursday 1st, a Monday 1st, a Sunday 1st, a leap day, a year's end.
  const days = ['2027-07-01', '2027-03-01', '2027-08-01', '2028-02-29', '2026-12-31'];
  const views: [PlanningView, TimelineZoom][] = [
    ['timeline', 'day'],
    ['timeline', 'days3'],
    ['timeline', 'week'],
    ['timeline', 'month'],
    ['dayGridMonth', 'week'],
    ['timeGridWeek', 'week'],
    ['timeGridDay', 'week'],
  ];

  it.each(['fr', 'en'] as const)('is the window the calendar reports, for every view (%s)', async (locale) => {
    act(() => useLocaleStore.getState().setLocale(locale));
    for (const [view, zoom] of views) {
      for (const day of days) {
        renderWithProviders(
          <PlanningStoreProvider init={{ view, zoom, initialDate: day }}>
            <ShownWindow />
            <PlanningCalendar planning={planning as never} missions={[]} userNames={new Map()} />
          </PlanningStoreProvider>,
        );
        const expected = calendarWindow(view, zoom, day);
        await waitFor(() => expect(screen.getByLabelText('window')).toHaveTextContent(`${expected.from}..${expected.to}`));
        cleanup();
      }
    }
  });
});

import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { MissionView } from '@/features/planning/api/get-planning';
import { coversDay, DayAgenda } from '@/features/planning/components/day-agenda';
import { PlanningStoreProvider } from '@/features/planning/stores/planning-store';
import { renderWithProviders } from '@/testing/render';

const mission = (id: number, title: string, startsAt: string, endsAt: string): MissionView => ({
  id,
  project_id: 1,
  project_name: 'Festival 2027',
  title,
  place_id: null,
  place: '',
  timezone: 'Europe/Paris',
  starts_at: startsAt,
  ends_at: endsAt,
  duration_minutes: 300,
  status: 'PLANNED',
  roles: [{ id: id * 10, name: 'Son', quota: 2, pending: 0, accepted: 1, declined: 0, open: 1, reserves: 0, required_skills: [] }],
});

const missions = [
  mission(1, 'Montage Cour', '2027-07-05T06:00:00Z', '2027-07-05T11:00:00Z'),
  mission(2, 'Exploitation Cloitre', '2027-07-07T17:00:00Z', '2027-07-07T23:00:00Z'),
];

describe('DayAgenda', () => {
  it("opens on the selected mission's day, not the linked one, so its panel stays open", async () => {
    renderWithProviders(
      <PlanningStoreProvider init={{ initialDate: '2027-07-05', selectedMissionId: 2 }}>
        <DayAgenda missions={missions} />
      </PlanningStoreProvider>,
    );
    const selected = await screen.findByRole('button', { name: /Exploitation Cloitre/ });
    expect(selected).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(/\b7\b/);
    expect(screen.queryByRole('button', { name: /Montage Cour/ })).toBeNull();
  });

  it('opens on the linked day without a selection', async () => {
    renderWithProviders(
      <PlanningStoreProvider init={{ initialDate: '2027-07-05' }}>
        <DayAgenda missions={missions} />
      </PlanningStoreProvider>,
    );
    expect(await screen.findByRole('button', { name: /Montage Cour/ })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.queryByRole('button', { name: /Exploitation Cloitre/ })).toBeNull();
  });

  it('lists who is absent that day, all day or with the hours', async () => {
    const absence = (windowId: number, userId: number, startsAt: string, endsAt: string) => ({
      window_id: windowId,
      user_id: userId,
      kind: 'unavailable',
      status: 'APPROVED',
      recurring: false,
      starts_at: startsAt,
      ends_at: endsAt,
    });
    renderWithProviders(
      <PlanningStoreProvider init={{ initialDate: '2027-07-05' }}>
        <DayAgenda
          missions={missions}
          userNames={new Map([[7, 'Lea Roux'], [8, 'Tom Bernard']])}
          absences={[
            absence(1, 7, '2027-07-03T22:00:00Z', '2027-07-08T22:00:00Z'),
            absence(2, 8, '2027-07-05T12:00:00Z', '2027-07-05T16:00:00Z'),
            absence(3, 9, '2027-07-06T08:00:00Z', '2027-07-06T10:00:00Z'),
            absence(4, 9, '2027-07-03T22:00:00Z', '2027-07-04T22:00:00Z'), // ends at midnight
          ]}
        />
      </PlanningStoreProvider>,
    );
    const list = await screen.findByRole('region', { name: 'Absents ce jour' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent(/^Lea Roux . toute la journ.e$/);
    expect(items[1]).toHaveTextContent(/^Tom Bernard . de 14:00 . 18:00$/);
  });

  it('says "all day" for an absence from midnight to midnight, not "from 00:00 to 00:00"', () => {
    // Paris: 5 July 00:00 is 4 July 22:00 UTC.
    expect(coversDay('2027-07-04T22:00:00Z', '2027-07-05T22:00:00Z', '2027-07-05', 'Europe/Paris')).toBe(true);
    expect(coversDay('2027-07-03T22:00:00Z', '2027-07-08T22:00:00Z', '2027-07-05', 'Europe/Paris')).toBe(true);
    expect(coversDay('2027-07-04T22:00:00Z', '2027-07-05T21:59:00Z', '2027-07-05', 'Europe/Paris')).toBe(false);
    expect(coversDay('2027-07-04T22:01:00Z', '2027-07-05T22:00:00Z', '2027-07-05', 'Europe/Paris')).toBe(false);
    expect(coversDay('2027-07-05T12:00:00Z', '2027-07-05T16:00:00Z', '2027-07-05', 'Europe/Paris')).toBe(false);
  });
});

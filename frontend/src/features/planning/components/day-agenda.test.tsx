import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { MissionView } from '@/features/planning/api/get-planning';
import { DayAgenda } from '@/features/planning/components/day-agenda';
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
});

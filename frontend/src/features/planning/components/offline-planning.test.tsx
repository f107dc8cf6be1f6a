import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { Planning } from '@/features/planning/api/get-planning';
import { myPlanningWindow } from '@/features/planning/api/get-my-planning';
import { OfflinePlanning, offlineDays } from '@/features/planning/components/offline-planning';
import { jsonResponse, renderWithProviders } from '@/testing/render';

const role = (id: number, name: string) => ({
  id,
  name,
  quota: 2,
  pending: 0,
  accepted: 1,
  declined: 0,
  open: 1,
  reserves: 0,
  required_skills: [],
});

const mission = (id: number, title: string, startsAt: string, endsAt: string, placeId: number | null = null) => ({
  id,
  project_id: 1,
  title,
  place_id: placeId,
  starts_at: startsAt,
  ends_at: endsAt,
  duration_minutes: 300,
  status: 'PUBLISHED',
  roles: [role(id * 10, 'Son')],
});

const assignment = (id: number, missionId: number, status: string, reserve = false) => ({
  id,
  mission_id: missionId,
  mission_role_id: missionId * 10,
  user_id: 7,
  status,
  decline_reason: null,
  delivery_status: null,
  reserve,
  reserve_position: reserve ? 2 : null,
});

const planning = {
  from: '2027-07-04T22:00:00Z',
  to: '2027-07-18T22:00:00Z',
  timezone: 'Europe/Paris',
  projects: { 1: { name: 'Festival 2027' } },
  places: { 3: { name: 'Cloitre', timezone: 'Europe/Paris' } },
  missions: [
    mission(2, 'Exploitation Cloitre', '2027-07-07T17:00:00Z', '2027-07-07T23:00:00Z', 3),
    // 23:30 UTC on the 5th is 01:30 on the 6th in Paris: a get-out after the show night.
    mission(1, 'Demontage', '2027-07-05T23:30:00Z', '2027-07-06T03:00:00Z'),
    mission(4, 'Balances', '2027-07-07T12:00:00Z', '2027-07-07T14:00:00Z'),
  ],
  assignments: [assignment(21, 2, 'ACCEPTED'), assignment(11, 1, 'INVITED', true), assignment(41, 4, 'DECLINED')],
  users: [{ id: 7, first_name: 'Ines', last_name: 'Roche', employment_type: 'INTERMITTENT', planned_minutes: 0, accepted_minutes: 0 }],
  groups: null,
} as unknown as Planning;

afterEach(() => vi.restoreAllMocks());

describe('offlineDays', () => {
  it("groups the person's missions by local day, in time order", () => {
    const days = offlineDays(planning, 'Europe/Paris');
    expect(days.map((d) => [d.day, d.items.map((i) => i.mission.title)])).toEqual([
      ['2027-07-06', ['Demontage']],
      ['2027-07-07', ['Balances', 'Exploitation Cloitre']],
    ]);
  });
});

describe('myPlanningWindow', () => {
  it('covers 14 days from today in the org timezone, the last one included', () => {
    // 23:30 UTC on 31 July is already 1 August in Paris.
    expect(myPlanningWindow('Europe/Paris', Date.parse('2027-07-31T23:30:00Z'))).toEqual({ from: '2027-08-01', to: '2027-08-14' });
  });
});

describe('OfflinePlanning', () => {
  it('reads mine=true and shows each day with the role, place, status and reserve badge', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockResolvedValue(jsonResponse(planning));
    renderWithProviders(<OfflinePlanning />);
    const day = await screen.findByRole('region', { name: 'mercredi 7 juillet' });
    expect(within(day).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^Balances.*Refus.*14:00 - 16:00.*Son.*Festival 2027$/),
      expect.stringMatching(/^Exploitation Cloitre.*Accept.*19:00 - 01:00.*Son.*Cloitre.*Festival 2027$/),
    ]);
    expect(screen.getByText(/^Hors ligne : vos missions des 14 prochains jours/)).toBeInTheDocument();
    const getOut = screen.getByText('Demontage').closest('li')!;
    expect(within(getOut).getByText(/R.serve/)).toBeInTheDocument();
    expect(String(fetch.mock.calls[0]![0])).toMatch(/\/api\/v1\/planning\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&mine=true$/);
  });

  it('says so when nothing was synced on the device', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    renderWithProviders(<OfflinePlanning />);
    expect(await screen.findByText(/pas encore/)).toBeInTheDocument();
  });
});

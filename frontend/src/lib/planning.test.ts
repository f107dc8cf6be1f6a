import { describe, expect, it } from 'vitest';

import { resolveMissions } from '@/lib/planning';

const base = { duration_minutes: 240, status: 'PUBLISHED', roles: [] };
const planning = {
  timezone: 'Europe/Paris',
  projects: { '1': { name: 'Tournee' } },
  places: { '7': { name: 'Theatre Outremont', timezone: 'America/Montreal' } },
  missions: [
    { ...base, id: 3, project_id: 1, title: 'Concert', place_id: 7, starts_at: '2027-07-11T00:00:00Z', ends_at: '2027-07-11T03:00:00Z' },
    { ...base, id: 4, project_id: 1, title: 'Bureau', place_id: null, starts_at: '2027-07-10T07:00:00Z', ends_at: '2027-07-10T10:00:00Z' },
  ],
};

describe('resolveMissions', () => {
  it('names the project and the place from the lookup tables, with the place clock', () => {
    expect(resolveMissions(planning)[0]).toEqual({
      ...planning.missions[0],
      project_name: 'Tournee',
      place: 'Theatre Outremont',
      timezone: 'America/Montreal',
    });
  });

  it('puts a mission without a place on the org clock', () => {
    expect(resolveMissions(planning)[1]).toMatchObject({ id: 4, place: '', timezone: 'Europe/Paris', project_name: 'Tournee' });
  });

  it('keeps the order of the missions and leaves the planning untouched', () => {
    expect(resolveMissions(planning).map((m) => m.id)).toEqual([3, 4]);
    expect(planning.missions[0]).not.toHaveProperty('place');
  });
});

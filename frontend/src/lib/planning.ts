/**
 * The planning's missions as screens show them. `GET /api/v1/planning` names each
 * project and place once (`projects`, `places` keyed by id) and gives a mission
 * without a place the org's clock (`timezone`): this joins them back, once per
 * fetched window, for the planning screen and a user's agenda alike.
 */
import type { Schema } from '@/lib/api/types';

type Planning = Schema<'Planning'>;

/** A planning mission with its project's name, its place's name and its clock. */
export interface MissionView extends Schema<'PlanningMission'> {
  project_name: string;
  /** The place's name, empty without a place. */
  place: string;
  /** The place's IANA timezone, else the org's (the planning's). */
  timezone: string;
}

export function resolveMissions(planning: Pick<Planning, 'missions' | 'projects' | 'places' | 'timezone'>): MissionView[] {
  return planning.missions.map((m) => {
    const place = m.place_id == null ? undefined : planning.places[m.place_id];
    return {
      ...m,
      project_name: planning.projects[m.project_id]?.name ?? '',
      place: place?.name ?? '',
      timezone: place?.timezone ?? planning.timezone,
    };
  });
}

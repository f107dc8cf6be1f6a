import { addDays } from '@/lib/dates';

/** Longest window of the conflicts report, in days (`to` included). */
export const MAX_WINDOW_DAYS = 62;

export interface ProjectSpan {
  name: string;
  status: string;
  starts_on: string | null;
  ends_on: string | null;
}

export interface ConflictPeriod {
  from: string;
  to: string;
  /** The project the period comes from; null for the default (the next 30 days). */
  project: string | null;
}

/**
 * Where the conflicts page opens: the project running today (from today to its end),
 * else the next one to start (its own dates), at most 62 days; else the next 30 days.
 * Archived projects and projects without dates are left out.
 */
export function conflictPeriod(projects: ProjectSpan[], today: string): ConflictPeriod {
  const open = projects
    .filter((p) => p.status !== 'ARCHIVED' && p.starts_on && p.ends_on && p.ends_on >= today)
    .sort((a, b) => (a.starts_on ?? '').localeCompare(b.starts_on ?? ''));
  const project = open.find((p) => (p.starts_on ?? '') <= today) ?? open[0];
  if (!project?.starts_on || !project.ends_on) return { from: today, to: addDays(today, 30), project: null };
  const from = project.starts_on < today ? today : project.starts_on;
  const last = addDays(from, MAX_WINDOW_DAYS - 1);
  return { from, to: project.ends_on < last ? project.ends_on : last, project: project.name };
}

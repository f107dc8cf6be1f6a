/** Certifications (skills with `valid_until`): their state on a day and the skills form's rows. Pure. */
import { addDays } from '@/lib/dates';

/** How many days ahead a certification counts as "expiring soon" (the daily digest's horizon). */
export const EXPIRING_SOON_DAYS = 30;

export type CertificationState = 'none' | 'valid' | 'expiring' | 'expired';

/**
 * The state of a skill on `today` (`YYYY-MM-DD`, the org's day): `none` when it does not
 * expire, `expired` after its last valid day, `expiring` within `soonDays` days of it
 * (its last day included), `valid` otherwise. ISO dates compare as strings.
 */
export function certificationState(
  validUntil: string | null | undefined,
  today: string,
  soonDays = EXPIRING_SOON_DAYS,
): CertificationState {
  if (!validUntil) return 'none';
  if (validUntil < today) return 'expired';
  if (validUntil <= addDays(today, soonDays)) return 'expiring';
  return 'valid';
}

/** One line of the skills form, as typed (strings: empty means "none"). */
export interface SkillRow {
  name: string;
  level: number;
  validUntil: string;
  reference: string;
}

export interface SkillBody {
  name: string;
  level: number;
  valid_until: string | null;
  reference: string | null;
}

export function toRows(skills: readonly { name: string; level: number; valid_until?: string | null; reference?: string | null }[]): SkillRow[] {
  return skills.map((s) => ({ name: s.name, level: s.level, validUntil: s.valid_until ?? '', reference: s.reference ?? '' }));
}

export type RowsProblem = { kind: 'empty_name'; index: number } | { kind: 'duplicate'; index: number; name: string };

/**
 * The body of `PATCH /users/{id}` for these rows, or the first problem the server
 * would refuse anyway (an unnamed line, a skill twice: names compare trimmed, lowercased).
 */
export function toSkillsBody(rows: readonly SkillRow[]): { skills: SkillBody[] } | { problem: RowsProblem } {
  const seen = new Set<string>();
  const skills: SkillBody[] = [];
  for (const [index, row] of rows.entries()) {
    const name = row.name.trim();
    if (!name) return { problem: { kind: 'empty_name', index } };
    const key = name.toLowerCase();
    if (seen.has(key)) return { problem: { kind: 'duplicate', index, name: key } };
    seen.add(key);
    skills.push({
      name,
      level: row.level,
      valid_until: row.validUntil || null,
      reference: row.reference.trim() || null,
    });
  }
  return { skills };
}

/** The line and field a skills error of the API points at (`details: {index, field}`). */
export function skillErrorTarget(details: unknown): { index: number; field: string } | null {
  if (typeof details !== 'object' || details === null) return null;
  const { index, field } = details as Record<string, unknown>;
  return typeof index === 'number' && typeof field === 'string' ? { index, field } : null;
}

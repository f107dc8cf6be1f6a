export const CONFLICT_KINDS = ['overlap', 'max_hours_day', 'max_hours_week', 'min_rest', 'unavailable', 'missing_skill', 'skill_expired'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** A stable key for a conflict (kind, user and assignments involved). */
export function conflictKey(conflict: { kind: string; user: { id: number }; assignments: { id: number | null }[] }): string {
  return [conflict.kind, conflict.user.id, ...conflict.assignments.map((a) => a.id ?? 0).sort((a, b) => a - b)].join(':');
}

/** Conflicts of one kind (or all), in report order (by start time). */
export function filterByKind<T extends { kind: string }>(items: T[], kind: string): T[] {
  return kind ? items.filter((item) => item.kind === kind) : items;
}

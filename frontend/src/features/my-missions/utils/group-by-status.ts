/** Assignment statuses in the order My Missions lists them. */
export const STATUSES = ['INVITED', 'ACCEPTED', 'DECLINED', 'CANCELLED'] as const;
export type AssignmentStatus = (typeof STATUSES)[number];

export const STATUS_BADGE: Record<AssignmentStatus, 'info' | 'success' | 'danger' | 'neutral'> = {
  INVITED: 'info',
  ACCEPTED: 'success',
  DECLINED: 'danger',
  CANCELLED: 'neutral',
};

export function isStatus(value: string): value is AssignmentStatus {
  return (STATUSES as readonly string[]).includes(value);
}

/** Groups items by status (known statuses only), each group sorted by start time. */
export function groupByStatus<T extends { status: string; starts_at: string }>(
  items: T[],
): Record<AssignmentStatus, T[]> {
  const groups: Record<AssignmentStatus, T[]> = { INVITED: [], ACCEPTED: [], DECLINED: [], CANCELLED: [] };
  for (const item of items) {
    if (isStatus(item.status)) groups[item.status].push(item);
  }
  for (const status of STATUSES) {
    groups[status].sort((a, b) => a.starts_at.localeCompare(b.starts_at));
  }
  return groups;
}

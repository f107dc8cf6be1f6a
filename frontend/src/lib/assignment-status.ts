/** Badge colour of each assignment status: the one mapping every screen shares. */
export const ASSIGNMENT_STATUS_BADGE = {
  INVITED: 'info',
  ACCEPTED: 'success',
  DECLINED: 'danger',
  CANCELLED: 'neutral',
} as const;

export type AssignmentStatusTone = (typeof ASSIGNMENT_STATUS_BADGE)[keyof typeof ASSIGNMENT_STATUS_BADGE];

export function assignmentStatusTone(status: string): AssignmentStatusTone {
  return (ASSIGNMENT_STATUS_BADGE as Record<string, AssignmentStatusTone>)[status] ?? 'neutral';
}

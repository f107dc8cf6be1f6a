/**
 * Which notifications can be answered in place: those about an invitation (the
 * invitation itself, its reminder before expiry) whose assignment still waits for
 * the signed-in person's answer.
 */
const INVITATION_TEMPLATES = new Set(['invitation', 'reminder_expiry']);

export interface NotificationLike {
  kind: string;
  data: Record<string, unknown>;
}

/** The assignment a notification invites to, or null when it is not an invitation. */
export function invitationAssignmentId(notification: NotificationLike): number | null {
  if (!INVITATION_TEMPLATES.has(notification.kind)) return null;
  const id = notification.data.assignment_id;
  return typeof id === 'number' && Number.isInteger(id) ? id : null;
}

/** The assignment to answer from this notification, if it is still INVITED (in `pending`). */
export function answerableAssignmentId(notification: NotificationLike, pending: ReadonlySet<number>): number | null {
  const id = invitationAssignmentId(notification);
  return id !== null && pending.has(id) ? id : null;
}

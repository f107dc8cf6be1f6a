/**
 * What became of an invitation link (the API's `delivery.status`, or the
 * planning's `delivery_status`): its label, its tone, whether it needs the
 * manager, and a readable reason for the errors the backend is known to write
 * (core/src/coulisses/scheduling/invitations/delivery.py, core/src/coulisses/mail/smtp.py).
 * Pure, tested.
 */
import type { MessageKey } from '@/lib/i18n/translate';

export const DELIVERY_STATUSES = ['queued', 'sent', 'failed', 'no_channel'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export type DeliveryTone = 'pending' | 'ok' | 'problem';

export function isDeliveryStatus(value: unknown): value is DeliveryStatus {
  return typeof value === 'string' && (DELIVERY_STATUSES as readonly string[]).includes(value);
}

const LABELS: Record<DeliveryStatus, MessageKey> = {
  queued: 'planning_delivery_queued',
  sent: 'planning_delivery_sent',
  failed: 'planning_delivery_failed',
  no_channel: 'planning_delivery_no_channel',
};

const TONES: Record<DeliveryStatus, DeliveryTone> = {
  queued: 'pending',
  sent: 'ok',
  failed: 'problem',
  no_channel: 'problem',
};

export function deliveryLabelKey(status: DeliveryStatus): MessageKey {
  return LABELS[status];
}

export function deliveryTone(status: DeliveryStatus): DeliveryTone {
  return TONES[status];
}

/** The link did not reach its user: the manager has to act (resend, add an address, call). */
export function needsAttention(status: string | null | undefined): boolean {
  return isDeliveryStatus(status) && TONES[status] === 'problem';
}

/** Patterns of the error texts the backend writes, most specific first. */
const KNOWN_ERRORS: [RegExp, MessageKey][] = [
  [/^no email address$/i, 'planning_delivery_error_no_email'],
  [/^recipient refused\b/i, 'planning_delivery_error_recipient_refused'],
  [/^refused\b/i, 'planning_delivery_error_refused'],
  [/(connect|timeout|timed out|unreachable|connection)/i, 'planning_delivery_error_unreachable'],
];

/**
 * The catalog key that says why a delivery failed, or null when the error is
 * unknown (the screen then shows a generic reason and the raw text as a detail).
 */
export function deliveryErrorKey(error: string | null | undefined): MessageKey | null {
  if (!error) return null;
  const text = error.trim();
  for (const [pattern, key] of KNOWN_ERRORS) if (pattern.test(text)) return key;
  return null;
}

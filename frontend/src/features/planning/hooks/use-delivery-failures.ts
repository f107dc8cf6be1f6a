/**
 * The inviter's notices of links that did not reach their user: the live event
 * `InvitationDeliveryFailed` for an invitation the current account sent. Every
 * member's planning refetches on that event (use-planning-live-updates.ts); only
 * the inviter gets a notice.
 */
import { useCallback, useMemo, useState } from 'react';

import { useLiveEvents } from '@/lib/live/event-stream';
import {
  addNotice,
  DELIVERY_FAILED_EVENT,
  parseDeliveryFailure,
  type DeliveryFailure,
} from '@/features/planning/utils/delivery-failures';

export function useDeliveryFailures(accountId: number): {
  notices: DeliveryFailure[];
  dismiss: (invitationId: number) => void;
} {
  const [notices, setNotices] = useState<DeliveryFailure[]>([]);
  const handlers = useMemo(
    () => ({
      [DELIVERY_FAILED_EVENT]: (data: unknown) =>
        setNotices((current) => addNotice(current, parseDeliveryFailure(data), accountId)),
    }),
    [accountId],
  );
  useLiveEvents(handlers);
  const dismiss = useCallback(
    (invitationId: number) => setNotices((current) => current.filter((n) => n.invitation_id !== invitationId)),
    [],
  );
  return { notices, dismiss };
}

/**
 * Keeps every cached planning window in step with what others do: listens to
 * the shared live stream (GET /api/v1/events) and patches the assignment's
 * status at once, then refetches the windows on screen. A delivery failure
 * (`InvitationDeliveryFailed`) only refetches: the planning then shows it.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';

import { useLiveEvents, type LiveHandler, type LiveState } from '@/lib/live/event-stream';
import { planningBaseKey, type Planning } from '@/features/planning/api/get-planning';
import { missionAssignmentsBaseKey } from '@/features/planning/api/list-mission-assignments';
import {
  applyAssignmentEvent,
  ASSIGNMENT_EVENT_STATUS,
  REFETCH_EVENT_KINDS,
  type AssignmentEventData,
  type AssignmentEventKind,
} from '@/features/planning/utils/live-events';

export type { LiveState };

export function usePlanningLiveUpdates(): LiveState {
  const queryClient = useQueryClient();
  const handlers = useMemo(() => {
    const refetch = () => {
      void queryClient.invalidateQueries({ queryKey: planningBaseKey });
      void queryClient.invalidateQueries({ queryKey: missionAssignmentsBaseKey });
    };
    const out: Record<string, LiveHandler> = {};
    for (const kind of Object.keys(ASSIGNMENT_EVENT_STATUS) as AssignmentEventKind[]) {
      out[kind] = (data) => {
        queryClient.setQueriesData<Planning>({ queryKey: planningBaseKey }, (old) =>
          applyAssignmentEvent(old, kind, data as AssignmentEventData),
        );
        refetch();
      };
    }
    for (const kind of REFETCH_EVENT_KINDS) out[kind] = refetch;
    return out;
  }, [queryClient]);
  return useLiveEvents(handlers);
}

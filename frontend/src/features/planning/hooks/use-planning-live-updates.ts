/**
 * Keeps every cached planning window in step with what others do: listens to
 * GET /api/v1/events (Server-Sent Events, session cookies) and patches the
 * assignment's status at once, then refetches the windows on screen.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

import { API_PREFIX } from '@/lib/api/client';
import { planningBaseKey, type Planning } from '@/features/planning/api/get-planning';
import {
  applyAssignmentEvent,
  ASSIGNMENT_EVENT_STATUS,
  type AssignmentEventData,
  type AssignmentEventKind,
} from '@/features/planning/utils/live-events';

export type LiveState = 'connecting' | 'open' | 'closed';

export function usePlanningLiveUpdates(): LiveState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`${API_PREFIX}/events`, { withCredentials: true });
    const refetch = () => void queryClient.invalidateQueries({ queryKey: planningBaseKey });
    const listeners: [string, (event: MessageEvent<string>) => void][] = [
      ...(Object.keys(ASSIGNMENT_EVENT_STATUS) as AssignmentEventKind[]).map(
        (kind) =>
          [
            kind,
            (event: MessageEvent<string>) => {
              const data = JSON.parse(event.data) as AssignmentEventData;
              queryClient.setQueriesData<Planning>({ queryKey: planningBaseKey }, (old) =>
                applyAssignmentEvent(old, kind, data),
              );
              refetch();
            },
          ] as [string, (event: MessageEvent<string>) => void],
      ),
      ['MissionChanged', refetch],
    ];
    listeners.forEach(([kind, listener]) => source.addEventListener(kind, listener));
    source.onopen = () => setState('open');
    // EventSource reconnects by itself (with Last-Event-ID); say so meanwhile.
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'closed' : 'connecting');
    return () => {
      listeners.forEach(([kind, listener]) => source.removeEventListener(kind, listener));
      source.close();
    };
  }, [queryClient]);

  return state;
}

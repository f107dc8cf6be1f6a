import { useMemo } from 'react';

import { dayInZone, useDates } from '@/lib/dates';
import type { PlanningWindow } from '@/features/planning/api/get-planning';
import { usePlanningStore } from '@/features/planning/stores/planning-store';
import { expectedWindow } from '@/features/planning/utils/timeline';

/**
 * The window whose planning the screen fetches: the calendar's (`datesSet`) once it
 * has said it; before that, on a grid, the window it is about to show
 * (`expectedWindow`), so that the data and the calendar's code load side by side
 * instead of one after the other. Null while a selected mission decides the day (the
 * calendar opens on it) and on phones (the day agenda sets its day at once).
 */
export function useFetchWindow(isPhone: boolean): PlanningWindow | null {
  const { timeZone } = useDates();
  const window = usePlanningStore((s) => s.window);
  const view = usePlanningStore((s) => s.view);
  const zoom = usePlanningStore((s) => s.zoom);
  const day = usePlanningStore((s) => s.currentDay ?? s.initialDate);
  const waiting = usePlanningStore((s) => s.window === null && s.selectedMissionId === null && !isPhone);
  return useMemo(
    () => window ?? (waiting ? expectedWindow(view, zoom, day ?? dayInZone(Date.now(), timeZone)) : null),
    [window, waiting, view, zoom, day, timeZone],
  );
}

/**
 * UI state of one planning screen (view, visible window, filters, selection,
 * drag, warnings of the last invites): a Zustand store per instance, handed
 * down by a provider so two calendars never share it. Server data stays in
 * TanStack Query.
 */
import { createContext, useContext, useState, type ReactNode } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';

import type { Conflict } from '@/features/planning/api/create-assignment';
import type { AssignmentStatus, PlanningWindow } from '@/features/planning/api/get-planning';

export const PLANNING_VIEWS = [
  'dayGridMonth',
  'timeGridWeek',
  'timeGridDay',
  'resourceTimelineDay',
  'resourceTimelineWeek',
] as const;
export type PlanningView = (typeof PLANNING_VIEWS)[number];
export type ResourceMode = 'user' | 'project';

export interface PlanningUiFilters {
  statuses: AssignmentStatus[];
  userId: number | null;
  projectId: number | null;
  role: string | null;
}

export interface PendingDrop {
  missionId: number;
  userId: number;
}

export interface PlanningState {
  view: PlanningView;
  /** The day the calendar opens on (ISO date) or null for today. */
  initialDate: string | null;
  window: PlanningWindow | null;
  resourceMode: ResourceMode;
  filters: PlanningUiFilters;
  selectedMissionId: number | null;
  draggingUserId: number | null;
  pendingDrop: PendingDrop | null;
  /** Conflicts returned by the last invites, by mission id. */
  warnings: Record<number, Conflict[]>;
  setView: (view: PlanningView) => void;
  setWindow: (window: PlanningWindow) => void;
  setResourceMode: (mode: ResourceMode) => void;
  setFilters: (filters: Partial<PlanningUiFilters>) => void;
  toggleStatus: (status: AssignmentStatus) => void;
  selectMission: (missionId: number | null) => void;
  startDrag: (userId: number | null) => void;
  setPendingDrop: (drop: PendingDrop | null) => void;
  addWarnings: (missionId: number, conflicts: Conflict[]) => void;
  clearWarnings: (missionId: number) => void;
}

export interface PlanningInit {
  view?: PlanningView;
  initialDate?: string | null;
  filters?: Partial<PlanningUiFilters>;
  /** The mission whose panel opens first (a link from a notice). */
  selectedMissionId?: number | null;
}

export function createPlanningStore(init: PlanningInit = {}): StoreApi<PlanningState> {
  return createStore<PlanningState>()((set) => ({
    view: init.view ?? 'timeGridWeek',
    initialDate: init.initialDate ?? null,
    window: null,
    resourceMode: 'user',
    filters: { statuses: [], userId: null, projectId: null, role: null, ...init.filters },
    selectedMissionId: init.selectedMissionId ?? null,
    draggingUserId: null,
    pendingDrop: null,
    warnings: {},
    setView: (view) => set({ view }),
    setWindow: (window) =>
      set((state) =>
        state.window?.from === window.from && state.window.to === window.to ? state : { window },
      ),
    setResourceMode: (resourceMode) => set({ resourceMode }),
    setFilters: (filters) => set((state) => ({ filters: { ...state.filters, ...filters } })),
    toggleStatus: (status) =>
      set((state) => {
        const statuses = state.filters.statuses.includes(status)
          ? state.filters.statuses.filter((s) => s !== status)
          : [...state.filters.statuses, status];
        return { filters: { ...state.filters, statuses } };
      }),
    selectMission: (selectedMissionId) => set({ selectedMissionId }),
    startDrag: (draggingUserId) => set({ draggingUserId }),
    setPendingDrop: (pendingDrop) => set({ pendingDrop }),
    addWarnings: (missionId, conflicts) =>
      set((state) => ({ warnings: { ...state.warnings, [missionId]: conflicts } })),
    clearWarnings: (missionId) =>
      set((state) => {
        const { [missionId]: _, ...rest } = state.warnings;
        return { warnings: rest };
      }),
  }));
}

const PlanningStoreContext = createContext<StoreApi<PlanningState> | null>(null);

export function PlanningStoreProvider({ init, children }: { init?: PlanningInit; children: ReactNode }) {
  const [store] = useState(() => createPlanningStore(init));
  return <PlanningStoreContext.Provider value={store}>{children}</PlanningStoreContext.Provider>;
}

export function usePlanningStore<T>(selector: (state: PlanningState) => T): T {
  const store = useContext(PlanningStoreContext);
  if (!store) throw new Error('usePlanningStore must be used inside <PlanningStoreProvider>');
  return useStore(store, selector);
}

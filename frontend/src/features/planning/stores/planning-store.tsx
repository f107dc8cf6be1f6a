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

/** The crew timeline (rows by place, person or role) and FullCalendar's grids. */
export const PLANNING_VIEWS = ['timeline', 'dayGridMonth', 'timeGridWeek', 'timeGridDay'] as const;
export type PlanningView = (typeof PLANNING_VIEWS)[number];
/** How much time the timeline shows at once. */
export const TIMELINE_ZOOMS = ['day', 'days3', 'week', 'month'] as const;
export type TimelineZoom = (typeof TIMELINE_ZOOMS)[number];
/** What one timeline row holds: a place (stage), a person or a role. */
export const TIMELINE_ROWS = ['place', 'user', 'role'] as const;
export type TimelineRows = (typeof TIMELINE_ROWS)[number];

/** Older links named FullCalendar's resource views: they open the timeline at that zoom. */
const LEGACY_VIEWS: Record<string, { view: PlanningView; zoom: TimelineZoom }> = {
  resourceTimelineDay: { view: 'timeline', zoom: 'day' },
  resourceTimelineWeek: { view: 'timeline', zoom: 'week' },
};

/** The view and zoom a `?view=` parameter asks for (undefined when it names none). */
export function parseViewParam(value: string | null): { view: PlanningView; zoom?: TimelineZoom } | undefined {
  if (!value) return undefined;
  if ((PLANNING_VIEWS as readonly string[]).includes(value)) return { view: value as PlanningView };
  return LEGACY_VIEWS[value];
}

/** The side panel's state survives reloads (a UI preference, not server data). */
export const CREW_PANEL_KEY = 'coulisses.planning.crew-panel';

function readCrewPanelOpen(): boolean {
  try {
    return globalThis.localStorage?.getItem(CREW_PANEL_KEY) !== 'closed';
  } catch {
    return true;
  }
}

function writeCrewPanelOpen(open: boolean): void {
  try {
    globalThis.localStorage?.setItem(CREW_PANEL_KEY, open ? 'open' : 'closed');
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}

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

/**
 * What the mission panel's invite form holds (select values), kept here rather than in
 * the panel: the panel moves between the side column and the phone drawer when the
 * width changes, which mounts it anew, and a choice must survive that.
 */
export interface InviteDraft {
  missionId: number;
  userId: string;
  roleId?: string;
  reserve?: boolean;
}

export interface PlanningState {
  view: PlanningView;
  /** The day the calendar opens on (ISO date) or null for today. */
  initialDate: string | null;
  window: PlanningWindow | null;
  /**
   * The calendar's current day (ISO date): inside the window, kept across zooms and
   * remounts (the 5th stays the 5th after a month zoom, not the month's first day).
   */
  currentDay: string | null;
  zoom: TimelineZoom;
  rows: TimelineRows;
  /** The crew list and hours side panel (the mission panel shows whenever a mission is selected). */
  crewPanelOpen: boolean;
  legendOpen: boolean;
  /** The availability heat strip (answers to availability requests, per day). */
  heatOpen: boolean;
  filters: PlanningUiFilters;
  selectedMissionId: number | null;
  draggingUserId: number | null;
  pendingDrop: PendingDrop | null;
  inviteDraft: InviteDraft | null;
  /** Conflicts returned by the last invites, by mission id. */
  warnings: Record<number, Conflict[]>;
  setView: (view: PlanningView) => void;
  /** The window shown and the current day in it (its first day when not given). */
  setWindow: (window: PlanningWindow, currentDay?: string) => void;
  setZoom: (zoom: TimelineZoom) => void;
  setRows: (rows: TimelineRows) => void;
  toggleCrewPanel: () => void;
  toggleLegend: () => void;
  toggleHeat: () => void;
  setFilters: (filters: Partial<PlanningUiFilters>) => void;
  toggleStatus: (status: AssignmentStatus) => void;
  selectMission: (missionId: number | null) => void;
  startDrag: (userId: number | null) => void;
  /** A drop also chooses the person in the panel's invite form. */
  setPendingDrop: (drop: PendingDrop | null) => void;
  setInviteDraft: (draft: InviteDraft | null) => void;
  addWarnings: (missionId: number, conflicts: Conflict[]) => void;
  clearWarnings: (missionId: number) => void;
}

export interface PlanningInit {
  view?: PlanningView;
  zoom?: TimelineZoom;
  initialDate?: string | null;
  filters?: Partial<PlanningUiFilters>;
  /** The mission whose panel opens first (a link from a notice). */
  selectedMissionId?: number | null;
  /** Open with the availability heat strip shown (a link from a request's heat map). */
  heatOpen?: boolean;
}

export function createPlanningStore(init: PlanningInit = {}): StoreApi<PlanningState> {
  return createStore<PlanningState>()((set) => ({
    view: init.view ?? 'timeGridWeek',
    initialDate: init.initialDate ?? null,
    window: null,
    currentDay: null,
    zoom: init.zoom ?? 'week',
    rows: 'place',
    crewPanelOpen: readCrewPanelOpen(),
    legendOpen: false,
    heatOpen: init.heatOpen ?? false,
    filters: { statuses: [], userId: null, projectId: null, role: null, ...init.filters },
    selectedMissionId: init.selectedMissionId ?? null,
    draggingUserId: null,
    pendingDrop: null,
    inviteDraft: null,
    warnings: {},
    setView: (view) => set({ view }),
    setWindow: (window, currentDay = window.from) =>
      set((state) => {
        const sameWindow = state.window?.from === window.from && state.window.to === window.to;
        if (sameWindow && state.currentDay === currentDay) return state;
        return sameWindow ? { currentDay } : { window, currentDay };
      }),
    setZoom: (zoom) => set({ zoom }),
    setRows: (rows) => set({ rows }),
    toggleCrewPanel: () =>
      set((state) => {
        writeCrewPanelOpen(!state.crewPanelOpen);
        return { crewPanelOpen: !state.crewPanelOpen };
      }),
    toggleLegend: () => set((state) => ({ legendOpen: !state.legendOpen })),
    toggleHeat: () => set((state) => ({ heatOpen: !state.heatOpen })),
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
    setPendingDrop: (pendingDrop) =>
      set(
        pendingDrop
          ? { pendingDrop, inviteDraft: { missionId: pendingDrop.missionId, userId: String(pendingDrop.userId) } }
          : { pendingDrop },
      ),
    setInviteDraft: (inviteDraft) => set({ inviteDraft }),
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

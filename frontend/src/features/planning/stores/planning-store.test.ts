import { describe, expect, it } from 'vitest';

import { createPlanningStore, CREW_PANEL_KEY, parseViewParam } from '@/features/planning/stores/planning-store';

describe('planning store', () => {
  it('keeps each instance apart', () => {
    const a = createPlanningStore();
    const b = createPlanningStore({ view: 'dayGridMonth' });
    a.getState().toggleStatus('DECLINED');
    expect(a.getState().filters.statuses).toEqual(['DECLINED']);
    expect(b.getState().filters.statuses).toEqual([]);
    expect(b.getState().view).toBe('dayGridMonth');
  });

  it('toggles statuses and keeps the same window object when nothing moved', () => {
    const store = createPlanningStore();
    store.getState().toggleStatus('INVITED');
    store.getState().toggleStatus('ACCEPTED');
    store.getState().toggleStatus('INVITED');
    expect(store.getState().filters.statuses).toEqual(['ACCEPTED']);
    store.getState().setWindow({ from: '2027-07-05', to: '2027-07-11' });
    const first = store.getState().window;
    store.getState().setWindow({ from: '2027-07-05', to: '2027-07-11' });
    expect(store.getState().window).toBe(first);
  });

  it('adds and clears the warnings of a mission', () => {
    const store = createPlanningStore();
    store.getState().addWarnings(4, []);
    expect(store.getState().warnings).toEqual({ 4: [] });
    store.getState().clearWarnings(4);
    expect(store.getState().warnings).toEqual({});
  });
});

describe('planning store: timeline and side panel', () => {
  it('reads old resource-view links as the timeline at their zoom', () => {
    expect(parseViewParam('resourceTimelineDay')).toEqual({ view: 'timeline', zoom: 'day' });
    expect(parseViewParam('resourceTimelineWeek')).toEqual({ view: 'timeline', zoom: 'week' });
    expect(parseViewParam('timeGridWeek')).toEqual({ view: 'timeGridWeek' });
    expect(parseViewParam('listYear')).toBeUndefined();
    expect(parseViewParam(null)).toBeUndefined();
  });

  it('remembers the crew panel across stores', () => {
    localStorage.removeItem(CREW_PANEL_KEY);
    const first = createPlanningStore();
    expect(first.getState().crewPanelOpen).toBe(true);
    first.getState().toggleCrewPanel();
    expect(first.getState().crewPanelOpen).toBe(false);
    expect(createPlanningStore().getState().crewPanelOpen).toBe(false);
    createPlanningStore().getState().toggleCrewPanel();
    expect(createPlanningStore().getState().crewPanelOpen).toBe(true);
  });

  it('switches zoom and rows', () => {
    const store = createPlanningStore({ view: 'timeline', zoom: 'days3' });
    expect(store.getState().zoom).toBe('days3');
    expect(store.getState().rows).toBe('place');
    store.getState().setRows('role');
    store.getState().setZoom('month');
    expect(store.getState()).toMatchObject({ rows: 'role', zoom: 'month' });
  });
});

import { describe, expect, it } from 'vitest';

import { createPlanningStore } from '@/features/planning/stores/planning-store';

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

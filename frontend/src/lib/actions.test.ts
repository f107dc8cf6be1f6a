import { describe, expect, it } from 'vitest';

import { can } from '@/lib/actions';

describe('can', () => {
  it('allows exactly the listed actions', () => {
    const tech = ['planning.read', 'assignments.answer_own'];
    expect(can(tech, 'planning.read')).toBe(true);
    expect(can(tech, 'missions.manage')).toBe(false);
  });

  it('allows nothing without a list (no session, no active org)', () => {
    expect(can(undefined, 'planning.read')).toBe(false);
    expect(can(null, 'planning.read')).toBe(false);
    expect(can([], 'planning.read')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';

import { conflictKey, filterByKind } from '@/features/conflicts/utils/conflict-kinds';

describe('conflict helpers', () => {
  it('keys a conflict by kind, user and sorted assignments', () => {
    expect(conflictKey({ kind: 'overlap', user: { id: 4 }, assignments: [{ id: 9 }, { id: 2 }] })).toBe('overlap:4:2:9');
  });

  it('filters by kind, or keeps all with an empty kind', () => {
    const items = [{ kind: 'overlap' }, { kind: 'min_rest' }];
    expect(filterByKind(items, 'min_rest')).toEqual([{ kind: 'min_rest' }]);
    expect(filterByKind(items, '')).toBe(items);
  });
});

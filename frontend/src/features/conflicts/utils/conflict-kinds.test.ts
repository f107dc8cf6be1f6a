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

describe('conflict kinds', () => {
  it('has a readable label for every kind in both languages, expired certifications included', async () => {
    const { CONFLICT_KINDS } = await import('@/features/conflicts/utils/conflict-kinds');
    const fr = (await import('@/locales/fr.json')).default as Record<string, string>;
    const en = (await import('@/locales/en.json')).default as Record<string, string>;
    expect(CONFLICT_KINDS).toContain('skill_expired');
    for (const kind of CONFLICT_KINDS) {
      for (const catalog of [fr, en]) {
        expect(catalog[`conflict_kind_${kind}`]).toBeTruthy();
        expect(catalog[`planning_conflict_${kind}`]).toBeTruthy();
        // The sentence of a conflict (components/conflict-text) for every kind.
        expect(catalog[`conflict_text_${kind}`]).toBeTruthy();
      }
    }
    expect(fr.conflict_kind_skill_expired).toMatch(/^Certification expir/);
  });
});

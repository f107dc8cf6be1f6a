import { describe, expect, it } from 'vitest';

import { answerMap, cellKey, daysOf, heatLevel, slotKey } from '@/features/availability-requests/utils/heat';

describe('daysOf', () => {
  it.each([
    ['2027-07-10', '2027-07-10', ['2027-07-10']],
    ['2027-07-30', '2027-08-02', ['2027-07-30', '2027-07-31', '2027-08-01', '2027-08-02']],
    ['2028-02-28', '2028-03-01', ['2028-02-28', '2028-02-29', '2028-03-01']],
    ['2027-07-12', '2027-07-10', []],
  ])('%s to %s', (first, last, expected) => {
    expect(daysOf(first, last)).toEqual(expected);
  });
});

describe('heatLevel', () => {
  it.each([
    [{ yes: 0, if_needed: 0, no: 2, no_answer: 1 }, 'empty'],
    [{ yes: 0, if_needed: 1, no: 1, no_answer: 1 }, 'low'],
    [{ yes: 1, if_needed: 1, no: 1, no_answer: 0 }, 'mid'],
    [{ yes: 3, if_needed: 0, no: 0, no_answer: 1 }, 'high'],
    [{ yes: 0, if_needed: 0, no: 0, no_answer: 0 }, 'empty'],
  ] as const)('%o is %s', (counts, level) => {
    expect(heatLevel(counts)).toBe(level);
  });
});

describe('slotKey', () => {
  it('makes a stable ASCII key, unique among the taken ones', () => {
    expect(slotKey('Montage', [])).toBe('montage');
    expect(slotKey(`Soir${String.fromCharCode(0xe9)}e 2`, [])).toBe('soiree_2');
    expect(slotKey('Montage', ['montage'])).toBe('montage_2');
    expect(slotKey('18h', [])).toBe('h');
    expect(slotKey('---', [])).toBe('creneau');
  });
});

describe('answerMap', () => {
  it('indexes answers by day and slot', () => {
    const map = answerMap([{ day: '2027-07-10', slot: 'soir', answer: 'no' }]);
    expect(map.get(cellKey('2027-07-10', 'soir'))).toBe('no');
    expect(map.get(cellKey('2027-07-10', ''))).toBeUndefined();
  });
});

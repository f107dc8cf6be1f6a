import { describe, expect, it } from 'vitest';

import { groupByStatus } from '@/features/my-missions/utils/group-by-status';

describe('groupByStatus', () => {
  it('puts each assignment under its status, sorted by start, and ignores unknown statuses', () => {
    const groups = groupByStatus([
      { id: 1, status: 'ACCEPTED', starts_at: '2027-07-12T18:00:00Z' },
      { id: 2, status: 'INVITED', starts_at: '2027-07-14T18:00:00Z' },
      { id: 3, status: 'INVITED', starts_at: '2027-07-10T18:00:00Z' },
      { id: 4, status: 'WEIRD', starts_at: '2027-07-10T18:00:00Z' },
    ]);
    expect(groups.INVITED.map((a) => a.id)).toEqual([3, 2]);
    expect(groups.ACCEPTED.map((a) => a.id)).toEqual([1]);
    expect(groups.DECLINED).toEqual([]);
    expect(groups.CANCELLED).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';

import { waitingAge, weekDelta } from '@/features/dashboard/utils/age';

describe('waitingAge', () => {
  const now = '2027-07-10T12:00:00Z';
  it.each([
    ['2027-07-10T12:00:00Z', { unit: 'minutes', count: 0 }],
    ['2027-07-10T11:01:30Z', { unit: 'minutes', count: 58 }],
    ['2027-07-10T11:00:00Z', { unit: 'hours', count: 1 }],
    ['2027-07-08T12:01:00Z', { unit: 'hours', count: 47 }],
    ['2027-07-08T12:00:00Z', { unit: 'days', count: 2 }],
    ['2027-06-30T12:00:00Z', { unit: 'days', count: 10 }],
    // a clock a little ahead of the server never reads as a negative age
    ['2027-07-10T12:00:30Z', { unit: 'minutes', count: 0 }],
  ])('%s waited %o', (since, age) => {
    expect(waitingAge(since, now)).toEqual(age);
  });
});

describe('weekDelta', () => {
  it('says up, down or same, with the absolute difference', () => {
    expect(weekDelta(600, 450)).toEqual({ sign: 'up', minutes: 150 });
    expect(weekDelta(60, 450)).toEqual({ sign: 'down', minutes: 390 });
    expect(weekDelta(0, 0)).toEqual({ sign: 'same', minutes: 0 });
  });
});

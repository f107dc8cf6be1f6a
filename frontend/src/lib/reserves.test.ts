import { describe, expect, it } from 'vitest';

import en from '@/locales/en.json';
import fr from '@/locales/fr.json';
import { ApiError } from '@/lib/api/api-error';
import { translateError } from '@/lib/i18n/error-text';
import { isRoleFull, QUOTA_WOULD_EXCEED, reserveBadge } from '@/lib/reserves';

describe('isRoleFull', () => {
  it.each([
    [{ quota: 2, pending: 1, accepted: 0 }, false],
    [{ quota: 2, pending: 1, accepted: 1 }, true],
    [{ quota: 2, pending: 0, accepted: 2 }, true],
    // A quota lowered under the places already held is full too.
    [{ quota: 1, pending: 2, accepted: 0 }, true],
    [{ quota: 0, pending: 0, accepted: 0 }, true],
  ])('%o is full: %s', (role, full) => {
    expect(isRoleFull(role)).toBe(full);
  });
});

describe('reserveBadge', () => {
  it('labels a reserve in line with its position, an invited reserve without', () => {
    expect(reserveBadge({ reserve: true, reserve_position: 2 })).toEqual(['reserve_badge_position', { position: 2 }]);
    expect(reserveBadge({ reserve: true, reserve_position: null })).toEqual(['reserve_badge', undefined]);
  });

  it('has no badge for an assignment that holds a place', () => {
    expect(reserveBadge({ reserve: false, reserve_position: null })).toBeNull();
    expect(reserveBadge({})).toBeNull();
  });
});

describe('the 409 of an invitation beyond the quota', () => {
  it('reads as the catalog wording, in French by default and in English', () => {
    const error = new ApiError(409, QUOTA_WOULD_EXCEED, "The role 'son' has 1 places and 1 are already held");
    expect(translateError('fr', error)).toBe(fr.error_assignment_quota_would_exceed);
    expect(translateError('en', error)).toBe(en.error_assignment_quota_would_exceed);
    expect(fr.error_assignment_quota_would_exceed).toContain(fr.planning_reserve_invite);
  });
});

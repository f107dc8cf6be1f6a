import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import en from '@/locales/en.json';
import fr from '@/locales/fr.json';
import { ApiError } from '@/lib/api/api-error';
import { useLocaleStore } from '@/lib/i18n/locale-store';
import { useLocale } from '@/lib/i18n/use-locale';

function reset() {
  act(() => useLocaleStore.getState().setLocale('fr'));
}

describe('useLocale', () => {
  it('speaks French by default and switches to English on choice', () => {
    reset();
    const { result } = renderHook(() => useLocale());
    expect(result.current.locale).toBe('fr');
    expect(result.current.t('login_submit')).toBe('Se connecter');
    act(() => result.current.setLocale('en'));
    expect(result.current.locale).toBe('en');
    expect(result.current.t('login_submit')).toBe('Sign in');
    expect(document.documentElement.lang).toBe('en');
    expect(JSON.parse(localStorage.getItem('cc_locale') ?? '{}').state.locale).toBe('en');
    reset();
  });

  it('fills {placeholders} and picks _one/_other by the language plural rules', () => {
    reset();
    const { result } = renderHook(() => useLocale());
    expect(result.current.t('members_invited', { email: 'a@b.fr' })).toBe(
      fr.members_invited.replace('{email}', 'a@b.fr'),
    );
    expect(result.current.t('members_invited')).toBe(fr.members_invited);
    // French counts 0 and 1 as singular; English only 1.
    expect(result.current.t('members_count', { count: 0 })).toBe('0 membre');
    expect(result.current.t('members_count', { count: 2 })).toBe('2 membres');
    act(() => result.current.setLocale('en'));
    expect(result.current.t('members_count', { count: 0 })).toBe('0 members');
    expect(result.current.t('members_count', { count: 1 })).toBe('1 member');
    reset();
  });

  it('words API errors from their stable code, never with the API message', () => {
    reset();
    const { result } = renderHook(() => useLocale());
    const known = new ApiError(409, 'member.last_owner', 'Cannot remove the last owner');
    const unknown = new ApiError(409, 'member.something_new', 'A brand new rule');
    expect(result.current.tError(known)).toBe(fr.error_member_last_owner);
    expect(result.current.tError(unknown)).toBe(fr.error_unknown.replace('{code}', 'member.something_new'));
    expect(result.current.tError(new Error('boom'))).toBe(fr.error_generic);
  });

  it('has the same keys, flat and snake_case, in every catalog', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const key of Object.keys(fr)) expect(key).toMatch(/^[a-z0-9]+(_[a-z0-9]+)*$/);
    for (const value of [...Object.values(fr), ...Object.values(en)]) {
      expect(typeof value).toBe('string');
    }
  });
});

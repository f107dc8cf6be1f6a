import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';

import en from '@/locales/en.json';
import fr from '@/locales/fr.json';
import { i18n } from '@/lib/i18n/i18n';
import { useLocaleStore } from '@/lib/i18n/locale-store';
import { hasMessage, translate, type MessageKey } from '@/lib/i18n/translate';
import { useLocale } from '@/lib/i18n/use-locale';

afterEach(() => act(() => useLocaleStore.getState().setLocale('fr')));

describe('translate (i18next)', () => {
  it('counts 0 and 1 as singular in French, only 1 in English', () => {
    expect(translate('fr', 'members_count', { count: 0 })).toBe('0 membre');
    expect(translate('fr', 'members_count', { count: 1 })).toBe('1 membre');
    expect(translate('fr', 'members_count', { count: 2 })).toBe('2 membres');
    expect(translate('en', 'members_count', { count: 0 })).toBe('0 members');
    expect(translate('en', 'members_count', { count: 1 })).toBe('1 member');
    expect(translate('en', 'members_count', { count: 2 })).toBe('2 members');
  });

  it('reads the _other text for a plural category the catalogs do not have (French "many")', () => {
    expect(new Intl.PluralRules('fr').select(1_000_000)).toBe('many');
    expect(translate('fr', 'members_count', { count: 1_000_000 })).toBe('1000000 membres');
  });

  it('fills {placeholders} unescaped, keeps one without a value, and treats option names as values', () => {
    expect(translate('en', 'members_invited', { email: '<a@b.fr>' })).toBe(
      en.members_invited.replace('{email}', '<a@b.fr>'),
    );
    expect(translate('fr', 'members_invited')).toBe(fr.members_invited);
    expect(translate('fr', 'members_invited', { other: 1 })).toBe(fr.members_invited);
    // A value is not read again as a placeholder.
    expect(translate('fr', 'members_invited', { email: '{email}' })).toBe(fr.members_invited);
    // Names i18next uses as options (lng, context, ns) are plain values here.
    expect(translate('fr', 'duration_hours', { hours: 3, lng: 'en', context: 'x', ns: 'y' })).toBe('3 h');
  });

  it('falls back to the French text, then to the key', () => {
    i18n.addResource('fr', 'translation', 'test_only_in_french', 'Seulement en {lang}');
    try {
      const key = 'test_only_in_french' as MessageKey;
      expect(translate('en', key, { lang: 'francais' })).toBe('Seulement en francais');
      expect(hasMessage('en', key)).toBe(true);
    } finally {
      delete (i18n.getResourceBundle('fr', 'translation') as Record<string, unknown>).test_only_in_french;
    }
    expect(hasMessage('en', 'test_only_in_french')).toBe(false);
    const unknown = 'no_such_key_anywhere' as MessageKey;
    expect(translate('en', unknown)).toBe('no_such_key_anywhere');
    expect(hasMessage('en', unknown)).toBe(false);
    expect(hasMessage('fr', 'members_count')).toBe(false);
    expect(hasMessage('fr', 'members_count_one')).toBe(true);
  });

  it('moves the i18next language with the store', () => {
    act(() => useLocaleStore.getState().setLocale('en'));
    expect(i18n.language).toBe('en');
    act(() => useLocaleStore.setState({ locale: 'fr' }));
    expect(i18n.language).toBe('fr');
    expect(document.documentElement.lang).toBe('fr');
  });
});

function Greeting({ count }: { count: number }) {
  const { t, setLocale } = useLocale();
  return (
    <div>
      <p>{t('members_count', { count })}</p>
      <button type="button" onClick={() => setLocale('en')}>
        {t('login_submit')}
      </button>
    </div>
  );
}

describe('useLocale re-render', () => {
  it('re-renders its texts in the new language on a switch', async () => {
    render(<Greeting count={0} />);
    expect(screen.getByText('0 membre')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(screen.getByText('0 members')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
  });

  it('re-renders a mounted component when the store switches language elsewhere', () => {
    render(<Greeting count={1} />);
    expect(screen.getByText('1 membre')).toBeInTheDocument();
    act(() => useLocaleStore.getState().setLocale('en'));
    expect(screen.getByText('1 member')).toBeInTheDocument();
  });
});

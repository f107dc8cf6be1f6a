import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';

import { useLocaleStore } from '@/lib/i18n/locale-store';
import { manifestQueryKey, type FrontendManifest } from '@/features/plugins/api/get-frontend-manifest';
import { menuLabel, usePluginMenuEntries } from '@/features/plugins/hooks/use-plugin-menu-entries';

const manifest: FrontendManifest = {
  menu: [
    { plugin: 'hello', path: '/plugins/hello', label: { fr: 'Bonjour', en: 'Hello' }, section: 'main', min_role: 'tech', wide: false },
    { plugin: 'notifications', path: '/plugins/notifications/inbox', label: { fr: 'Alertes' }, section: 'settings', min_role: 'tech', wide: false },
  ],
  widgets: [],
};

function wrapper({ children }: { children: ReactNode }) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  client.setQueryData(manifestQueryKey, manifest);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

describe('usePluginMenuEntries', () => {
  it('maps the manifest to menu entries, labels in the current locale', () => {
    act(() => useLocaleStore.getState().setLocale('fr'));
    const { result } = renderHook(() => usePluginMenuEntries(), { wrapper });
    expect(result.current).toEqual([
      { plugin: 'hello', label: 'Bonjour', to: '/plugins/hello', section: 'main' },
      { plugin: 'notifications', label: 'Alertes', to: '/plugins/notifications/inbox', section: 'settings' },
    ]);
  });

  it('falls back to French when the locale has no text', () => {
    act(() => useLocaleStore.getState().setLocale('en'));
    const { result } = renderHook(() => usePluginMenuEntries(), { wrapper });
    expect(result.current.map((entry) => entry.label)).toEqual(['Hello', 'Alertes']);
    act(() => useLocaleStore.getState().setLocale('fr'));
  });

  it('menuLabel prefers the locale, then fr', () => {
    expect(menuLabel({ fr: 'Salut', en: 'Hi' }, 'en')).toBe('Hi');
    expect(menuLabel({ fr: 'Salut' }, 'de')).toBe('Salut');
  });
});

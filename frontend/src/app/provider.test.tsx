import { onlineManager } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { AppProvider } from '@/app/provider';

afterEach(() => {
  vi.restoreAllMocks();
  onlineManager.setOnline(true);
});

describe('AppProvider', () => {
  it('starts TanStack Query offline when the app opens without network, so the restored data is not refetched into an error', () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    render(
      <AppProvider>
        <p>app</p>
      </AppProvider>,
    );
    expect(onlineManager.isOnline()).toBe(false);
  });

  it('starts online with network', () => {
    onlineManager.setOnline(false);
    render(
      <AppProvider>
        <p>app</p>
      </AppProvider>,
    );
    expect(onlineManager.isOnline()).toBe(true);
  });
});

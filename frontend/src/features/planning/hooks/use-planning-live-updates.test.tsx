import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { usePlanningLiveUpdates } from '@/features/planning/hooks/use-planning-live-updates';
import { FakeEventSource } from '@/testing/fake-event-source';

beforeEach(() => {
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
});
afterEach(() => vi.unstubAllGlobals());

describe('usePlanningLiveUpdates', () => {
  it("refreshes every member's planning and mission panels when a link was not delivered", () => {
    const client = new QueryClient();
    const invalidate = vi.spyOn(client, 'invalidateQueries').mockResolvedValue();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    );
    const { result, unmount } = renderHook(() => usePlanningLiveUpdates(), { wrapper });
    const source = FakeEventSource.instances[0]!;
    act(() => source.open());
    expect(result.current).toBe('open');
    act(() =>
      source.emit('InvitationDeliveryFailed', {
        invitation_id: 40,
        assignment_id: 7,
        mission_id: 3,
        user_id: 2,
        delivery_status: 'failed',
        inviter_account_id: 99,
      }),
    );
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['planning'] });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['mission-assignments'] });
    unmount();
    expect(source.readyState).toBe(FakeEventSource.CLOSED);
  });
});

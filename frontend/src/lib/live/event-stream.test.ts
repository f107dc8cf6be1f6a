import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { getLiveState, RETRY_FIRST_MS, subscribeLive, useLiveEvents } from '@/lib/live/event-stream';
import { FakeEventSource } from '@/testing/fake-event-source';

beforeEach(() => {
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('shared live stream', () => {
  it('opens one connection for every listener and closes it when the last one leaves', () => {
    const a = vi.fn();
    const b = vi.fn();
    const stopA = subscribeLive({ AssignmentAccepted: a });
    const stopB = subscribeLive({ AssignmentAccepted: b, MissionChanged: b });
    expect(FakeEventSource.instances).toHaveLength(1);
    const source = FakeEventSource.instances[0]!;
    expect(source.url).toBe('/api/v1/events');

    source.emit('AssignmentAccepted', { assignment_id: 7 });
    expect(a).toHaveBeenCalledWith({ assignment_id: 7 });
    expect(b).toHaveBeenCalledWith({ assignment_id: 7 });

    stopA();
    source.emit('AssignmentAccepted', { assignment_id: 8 });
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(2);
    expect(source.readyState).not.toBe(FakeEventSource.CLOSED);

    stopB();
    expect(source.readyState).toBe(FakeEventSource.CLOSED);
    expect(source.listenerCount('AssignmentAccepted')).toBe(0);
    subscribeLive({ MissionChanged: a })();
    expect(FakeEventSource.instances).toHaveLength(2);
  });

  it('hands over null for data that is not JSON', () => {
    const handler = vi.fn();
    const stop = subscribeLive({ MissionChanged: handler });
    const source = FakeEventSource.instances[0]!;
    source['listeners'].get('MissionChanged')!.forEach((l) => l(new MessageEvent('MissionChanged', { data: '{oops' })));
    expect(handler).toHaveBeenCalledWith(null);
    stop();
  });

  it('reports the state and calls the latest handler of a component', () => {
    const first = vi.fn();
    const second = vi.fn();
    const { result, rerender, unmount } = renderHook(({ handler }) => useLiveEvents({ MissionChanged: handler }), {
      initialProps: { handler: first },
    });
    expect(result.current).toBe('connecting');
    const source = FakeEventSource.instances[0]!;
    act(() => source.open());
    expect(result.current).toBe('open');
    rerender({ handler: second });
    expect(FakeEventSource.instances).toHaveLength(1);
    source.emit('MissionChanged', { mission_id: 1 });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith({ mission_id: 1 });
    unmount();
    expect(source.readyState).toBe(FakeEventSource.CLOSED);
  });

  it('opens the stream again, with backoff, when the browser gives up on it', () => {
    vi.useFakeTimers();
    const handler = vi.fn();
    const stop = subscribeLive({ MissionChanged: handler });
    const first = FakeEventSource.instances[0]!;
    first.open();
    // A 401 after a sleep: the browser closes the stream for good.
    first.readyState = FakeEventSource.CLOSED;
    first.onerror?.();
    expect(getLiveState()).toBe('closed');
    vi.advanceTimersByTime(RETRY_FIRST_MS - 1);
    expect(FakeEventSource.instances).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeEventSource.instances).toHaveLength(2);
    const second = FakeEventSource.instances[1]!;
    expect(first.listenerCount('MissionChanged')).toBe(0);
    second.emit('MissionChanged', { mission_id: 2 });
    expect(handler).toHaveBeenCalledWith({ mission_id: 2 });
    // Closed again before opening: the next try waits twice as long.
    second.readyState = FakeEventSource.CLOSED;
    second.onerror?.();
    vi.advanceTimersByTime(RETRY_FIRST_MS);
    expect(FakeEventSource.instances).toHaveLength(2);
    vi.advanceTimersByTime(RETRY_FIRST_MS);
    expect(FakeEventSource.instances).toHaveLength(3);
    // Nobody listens any more: no new try.
    const third = FakeEventSource.instances[2]!;
    third.readyState = FakeEventSource.CLOSED;
    third.onerror?.();
    stop();
    vi.advanceTimersByTime(10 * RETRY_FIRST_MS);
    expect(FakeEventSource.instances).toHaveLength(3);
  });

  it('closes the stream itself when the page goes away, and opens it again if the page comes back', () => {
    const handler = vi.fn();
    const stop = subscribeLive({ MissionChanged: handler });
    const first = FakeEventSource.instances[0]!;
    first.open();
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    expect(first.readyState).toBe(FakeEventSource.CLOSED);
    expect(getLiveState()).toBe('closed');
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    expect(FakeEventSource.instances).toHaveLength(2);
    FakeEventSource.instances[1]!.emit('MissionChanged', { mission_id: 3 });
    expect(handler).toHaveBeenCalledWith({ mission_id: 3 });
    stop();
  });
});

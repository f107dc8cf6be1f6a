import { afterEach, describe, expect, it, vi } from 'vitest';

import { ApiError } from '@/lib/api/api-error';
import { batchMissions } from '@/features/projects/api/batch-missions';
import { jsonResponse } from '@/testing/render';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('batchMissions', () => {
  it('sends every selected mission in one POST /missions:batch', async () => {
    const fetchMock = vi.fn(async () => jsonResponse({ action: 'delete', changed_ids: [3, 5], items: [] }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(batchMissions([3, 5], 'delete')).resolves.toEqual({ action: 'delete', changed_ids: [3, 5], items: [] });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/missions:batch');
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({ mission_ids: [3, 5], action: 'delete' });
  });

  it('surfaces the refusal of the whole batch as an ApiError', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse({ error: { code: 'mission.has_active_assignments', message: 'x', details: { mission_ids: [5] } } }, 409),
      ),
    );
    const error = await batchMissions([3, 5], 'delete').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('mission.has_active_assignments');
  });
});

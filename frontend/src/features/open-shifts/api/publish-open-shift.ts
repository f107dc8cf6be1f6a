import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { openShiftsQueryKey, type OpenShift } from '@/features/open-shifts/api/list-mission-open-shifts';

export type OpenShiftPublish = Schema<'OpenShiftPublish'>;

/** Publish (or update and reopen) a role's open places. */
export function publishOpenShift(body: OpenShiftPublish): Promise<OpenShift> {
  return api.post<OpenShift>(`${API_PREFIX}/open-shifts`, body);
}

/** Unpublish: waiting applications and offers are closed. */
export function closeOpenShift(openShiftId: number): Promise<OpenShift> {
  return api.post<OpenShift>(`${API_PREFIX}/open-shifts/${openShiftId}/close`, {});
}

export function usePublishOpenShift() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: publishOpenShift,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: openShiftsQueryKey }),
  });
}

export function useCloseOpenShift() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: closeOpenShift,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: openShiftsQueryKey }),
  });
}

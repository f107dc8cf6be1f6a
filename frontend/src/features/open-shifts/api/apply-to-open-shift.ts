import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import { openShiftsQueryKey, type OpenShiftApplication } from '@/features/open-shifts/api/list-mission-open-shifts';

/** Apply: a place at once (first_come), pending (manager_picks) or on the waitlist. */
export function applyToOpenShift(openShiftId: number): Promise<OpenShiftApplication> {
  return api.post<OpenShiftApplication>(`${API_PREFIX}/open-shifts/${openShiftId}/apply`, {});
}

export function useApplyToOpenShift() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: applyToOpenShift,
    onSuccess: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: openShiftsQueryKey }),
      queryClient.invalidateQueries({ queryKey: ['my-missions'] }),
    ]),
  });
}

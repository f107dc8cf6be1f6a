import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import { openShiftsQueryKey, type OpenShiftApplication } from '@/features/open-shifts/api/list-mission-open-shifts';

/** What a manager does with an applicant, or the applicant with their own application. */
export type ApplicationAction = 'pick' | 'reject' | 'withdraw' | 'accept-offer' | 'decline-offer';

export function decideApplication({ id, action }: { id: number; action: ApplicationAction }): Promise<OpenShiftApplication> {
  return api.post<OpenShiftApplication>(`${API_PREFIX}/open-shifts/applications/${id}/${action}`, {});
}

export function useDecideApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideApplication,
    // An accepted place is an assignment: My Missions and the mission page change too.
    onSuccess: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: openShiftsQueryKey }),
      queryClient.invalidateQueries({ queryKey: ['my-missions'] }),
      queryClient.invalidateQueries({ queryKey: ['projects'] }),
    ]),
  });
}

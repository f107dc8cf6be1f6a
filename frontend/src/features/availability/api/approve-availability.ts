import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import { availabilityQueryKey, type AvailabilityWindow } from '@/features/availability/api/list-availability-windows';

export function approveAvailability(windowId: number): Promise<AvailabilityWindow> {
  return api.post<AvailabilityWindow>(`${API_PREFIX}/availability/${windowId}/approve`);
}

export function useApproveAvailability() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: approveAvailability,
    onSettled: () => queryClient.invalidateQueries({ queryKey: availabilityQueryKey }),
  });
}

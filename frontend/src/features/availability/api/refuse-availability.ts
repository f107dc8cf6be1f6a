import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import { availabilityQueryKey, type AvailabilityWindow } from '@/features/availability/api/list-availability-windows';

export function refuseAvailability({ windowId, reason }: { windowId: number; reason?: string }): Promise<AvailabilityWindow> {
  const trimmed = reason?.trim();
  return api.post<AvailabilityWindow>(`${API_PREFIX}/availability/${windowId}/refuse`, trimmed ? { reason: trimmed } : {});
}

export function useRefuseAvailability() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: refuseAvailability,
    onSettled: () => queryClient.invalidateQueries({ queryKey: availabilityQueryKey }),
  });
}

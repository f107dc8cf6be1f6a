import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { availabilityQueryKey, type AvailabilityWindow } from '@/features/availability/api/list-availability-windows';

export type AvailabilityCreate = Schema<'AvailabilityCreate'>;

/** A manager's window is APPROVED at once; a tech's own is a REQUESTED one. */
export function createAvailability(body: AvailabilityCreate): Promise<AvailabilityWindow> {
  return api.post<AvailabilityWindow>(`${API_PREFIX}/availability`, body);
}

export function useCreateAvailability() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAvailability,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: availabilityQueryKey }),
  });
}

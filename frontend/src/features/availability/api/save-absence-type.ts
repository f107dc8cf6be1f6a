import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { absenceTypesQueryKey, type AbsenceType } from '@/features/availability/api/list-absence-types';

export type AbsenceTypeCreate = Schema<'AbsenceTypeCreate'>;
export type AbsenceTypeUpdate = Schema<'AbsenceTypeUpdate'>;

export function createAbsenceType(body: AbsenceTypeCreate): Promise<AbsenceType> {
  return api.post<AbsenceType>(`${API_PREFIX}/absence-types`, body);
}

export function updateAbsenceType({ id, ...body }: AbsenceTypeUpdate & { id: number }): Promise<AbsenceType> {
  return api.patch<AbsenceType>(`${API_PREFIX}/absence-types/${id}`, body);
}

/** Only an unused type: one that windows carry answers 409 absence_type.in_use. */
export function deleteAbsenceType(id: number): Promise<void> {
  return api.delete<void>(`${API_PREFIX}/absence-types/${id}`);
}

export function useCreateAbsenceType() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAbsenceType,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: absenceTypesQueryKey }),
  });
}

export function useUpdateAbsenceType() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAbsenceType,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: absenceTypesQueryKey }),
  });
}

export function useDeleteAbsenceType() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAbsenceType,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: absenceTypesQueryKey }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import type { ImportMapping } from '@/features/imports/api/validate-import';

export type ImportMode = Schema<'ImportCommitIn'>['mode'];
export type ImportResult = Schema<'ImportResultOut'>;

/** Writes the rows: all or nothing, or the valid ones; a known external id updates its row. */
export function commitImport({ id, mapping, mode }: { id: number; mapping: ImportMapping; mode: ImportMode }): Promise<ImportResult> {
  return api.post<ImportResult>(`${API_PREFIX}/imports/${id}/commit`, { mapping, mode });
}

export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: commitImport,
    // People and missions live under other features' keys.
    onSuccess: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: ['users'] }),
      queryClient.invalidateQueries({ queryKey: ['projects'] }),
      queryClient.invalidateQueries({ queryKey: ['planning'] }),
    ]),
  });
}

import { useMutation } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type ImportMapping = Record<string, string | null>;
export type ImportValidation = Schema<'ImportValidationOut'>;
export type ImportRowError = Schema<'ImportRowError'>;

/** Dry run: every row checked with the API's rules, nothing written. */
export function validateImport({ id, mapping }: { id: number; mapping: ImportMapping }): Promise<ImportValidation> {
  return api.post<ImportValidation>(`${API_PREFIX}/imports/${id}/validate`, { mapping });
}

export function useValidateImport() {
  return useMutation({ mutationFn: validateImport });
}

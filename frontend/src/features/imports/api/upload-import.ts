import { useMutation } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type ImportKind = Schema<'ImportUploadOut'>['kind'];
export type ImportUpload = Schema<'ImportUploadOut'>;

/** Sends the file (multipart); the server keeps it one hour and suggests a mapping. */
export function uploadImport({ kind, file }: { kind: ImportKind; file: File }): Promise<ImportUpload> {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', file);
  return api.post<ImportUpload>(`${API_PREFIX}/imports`, form);
}

export function useUploadImport() {
  return useMutation({ mutationFn: uploadImport });
}

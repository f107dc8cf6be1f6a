import { useMutation } from '@tanstack/react-query';

import { apiDownload, API_PREFIX } from '@/lib/api/client';
import type { ImportKind } from '@/features/imports/api/upload-import';

/** What can be downloaded: the error report of an import, or a template. */
export type ImportFile =
  | { type: 'report'; id: number }
  | { type: 'template'; kind: ImportKind; format: 'csv' | 'xlsx' };

function pathOf(file: ImportFile): string {
  return file.type === 'report'
    ? `${API_PREFIX}/imports/${file.id}/report`
    : `${API_PREFIX}/imports/templates/${file.kind}?format=${file.format}`;
}

/** GET the file and hand it to the browser as a download; returns its name. */
export async function downloadImportFile(file: ImportFile): Promise<string> {
  const { blob, fileName } = await apiDownload(pathOf(file));
  const name = fileName ?? (file.type === 'report' ? 'erreurs-import.csv' : `modele-${file.kind}.${file.format}`);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
  return name;
}

export function useDownloadImportFile() {
  return useMutation({ mutationFn: downloadImportFile });
}

import { useMutation } from '@tanstack/react-query';

import { apiDownload, API_PREFIX } from '@/lib/api/client';

/** Whose data: a person of the org by id, or the caller's own (`me`). */
export type ExportTarget = number | 'me';

/** GET the zip of a person's data (docs/rgpd.md) and hand it to the browser as a download. */
export async function exportUserData(target: ExportTarget): Promise<string> {
  const { blob, fileName } = await apiDownload(`${API_PREFIX}/users/${target}/export`);
  const name = fileName ?? `coulisses-donnees-${target}.zip`;
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

export function useExportUserData(target: ExportTarget) {
  return useMutation({ mutationFn: () => exportUserData(target) });
}

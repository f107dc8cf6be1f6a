import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { manifestQueryKey } from '@/features/plugins/api/get-frontend-manifest';
import { pluginsQueryKey, type OrgPlugin } from '@/features/plugins/api/list-org-plugins';

export type UpdateOrgPluginInput = Schema<'PluginUpdate'> & { name: string };

export function updateOrgPlugin({ name, ...body }: UpdateOrgPluginInput): Promise<OrgPlugin> {
  return api.patch<OrgPlugin>(`${API_PREFIX}/orgs/current/plugins/${encodeURIComponent(name)}`, body);
}

export function useUpdateOrgPlugin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOrgPlugin,
    onSuccess: (updated) => {
      // Patch the list at once, then refetch it and the manifest (which drives the menu).
      queryClient.setQueryData<OrgPlugin[]>(pluginsQueryKey, (list) =>
        list?.map((plugin) => (plugin.name === updated.name ? updated : plugin)),
      );
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: pluginsQueryKey }),
        queryClient.invalidateQueries({ queryKey: manifestQueryKey }),
      ]);
    },
  });
}

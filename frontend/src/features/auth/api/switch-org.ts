import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';

export type SwitchOrgInput = Schema<'SwitchOrgIn'>;

export function switchOrg(input: SwitchOrgInput): Promise<Schema<'SessionOut'>> {
  return api.post(`${API_PREFIX}/auth/switch-org`, input);
}

export function useSwitchOrg() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: switchOrg,
    // Every cached query belongs to the previous org: drop them all and refetch what is shown.
    onSuccess: () => queryClient.resetQueries(),
  });
}

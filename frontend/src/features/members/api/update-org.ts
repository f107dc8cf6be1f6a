import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { orgQueryKey, type Org } from '@/features/members/api/get-org';

export function updateOrg(input: Schema<'OrgUpdate'>): Promise<Org> {
  return api.patch<Org>(`${API_PREFIX}/orgs/current`, input);
}

export function useUpdateOrg() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOrg,
    onSuccess: (org) => queryClient.setQueryData(orgQueryKey, org),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api, API_PREFIX } from '@/lib/api/client';

export function logout(): Promise<void> {
  return api.post<void>(`${API_PREFIX}/auth/logout`, undefined, { skipRefresh: true });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // Even if the server call failed, this browser forgets everything it cached.
    onSettled: () => queryClient.clear(),
  });
}

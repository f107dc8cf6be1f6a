import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';

import { api, API_PREFIX } from '@/lib/api/client';
import { clearOfflineCache } from '@/lib/offline-cache';

export function logout(): Promise<void> {
  return api.post<void>(`${API_PREFIX}/auth/logout`, undefined, { skipRefresh: true });
}

/**
 * Signs out, then `leave()`s (to the login page), even if the server call failed;
 * once the screen that signed out is gone, this browser forgets everything it
 * cached, offline copy included. Not before: clearing the cache under mounted screens makes them fetch
 * again, without a session (a 401 each).
 */
export function useLogout(leave: () => void | Promise<void>) {
  const queryClient = useQueryClient();
  const signedOut = useRef(false);
  useEffect(
    () => () => {
      if (!signedOut.current) return;
      queryClient.clear();
      clearOfflineCache();
    },
    [queryClient],
  );
  return useMutation({
    mutationFn: logout,
    onSettled: async () => {
      signedOut.current = true;
      await leave();
    },
  });
}

import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import { onSessionExpired, refreshSession } from '@/lib/api/client';
import { meQueryKey } from '@/features/auth/api/get-me';

/** Access tokens live 15 minutes: rotate a little before, while the tab is in use. */
const REFRESH_EVERY_MS = 10 * 60 * 1000;

/**
 * Keeps a signed-in session alive without a visible round trip, and when it
 * cannot (refresh refused), re-checks the session so the route guard sends the
 * user to the login page.
 */
export function useSilentRefresh(intervalMs = REFRESH_EVERY_MS): void {
  const queryClient = useQueryClient();

  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void refreshSession();
    }, intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);

  useEffect(
    () =>
      onSessionExpired(() => {
        // Only once: after the reset the session query has no data, and its own 401
        // (which ends here again) is what the route guard acts on.
        if (queryClient.getQueryData(meQueryKey) !== undefined) {
          void queryClient.resetQueries({ queryKey: meQueryKey });
        }
      }),
    [queryClient],
  );
}

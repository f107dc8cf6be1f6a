/**
 * True on a phone-width screen (under Tailwind's `sm`, 640 px): the planning then
 * shows a day agenda instead of a grid that would need horizontal scrolling.
 */
import { useSyncExternalStore } from 'react';

export const PHONE_QUERY = '(max-width: 639.98px)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia?.(PHONE_QUERY);
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

export function useIsPhone(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia?.(PHONE_QUERY).matches ?? false,
    () => false,
  );
}

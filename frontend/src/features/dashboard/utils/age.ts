/** How long something has waited, in the unit a person reads at a glance. */
export interface Age {
  unit: 'minutes' | 'hours' | 'days';
  count: number;
}

/** Whole minutes under an hour, whole hours under two days, whole days beyond. */
export function waitingAge(since: string, now: string): Age {
  const minutes = Math.max(0, Math.floor((Date.parse(now) - Date.parse(since)) / 60_000));
  if (minutes < 60) return { unit: 'minutes', count: minutes };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { unit: 'hours', count: hours };
  return { unit: 'days', count: Math.floor(hours / 24) };
}

/** Minutes this week minus last week, signed. */
export function weekDelta(thisWeek: number, lastWeek: number): { sign: 'up' | 'down' | 'same'; minutes: number } {
  const diff = thisWeek - lastWeek;
  return { sign: diff > 0 ? 'up' : diff < 0 ? 'down' : 'same', minutes: Math.abs(diff) };
}

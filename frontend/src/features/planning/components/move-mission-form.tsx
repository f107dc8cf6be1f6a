import { useId, useState } from 'react';

import { Button } from '@/components/ui/button/button';
import { Input } from '@/components/ui/input/input';
import { useDates, wallTimeInZone, zonedWallTimeToInstant } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';

/** `YYYY-MM-DDTHH:MM` of an instant on a clock: the value of a datetime-local field. */
function fieldValue(instant: string, timeZone: string): string {
  return wallTimeInZone(instant, timeZone).slice(0, 16);
}

/**
 * The keyboard way to move or resize a mission (WAI-ARIA: every drag has an
 * equivalent): its start and end on its place's clock, sent through the same
 * checked move as a drop in the calendar.
 */
export function MoveMissionForm({
  startsAt,
  endsAt,
  timeZone,
  pending,
  onMove,
}: {
  startsAt: string;
  endsAt: string;
  /** The mission's clock (its place's, else the org's). */
  timeZone: string;
  pending: boolean;
  onMove: (startsAt: string, endsAt: string) => void;
}) {
  const { t } = useLocale();
  const { formatZone } = useDates();
  const [start, setStart] = useState(() => fieldValue(startsAt, timeZone));
  const [end, setEnd] = useState(() => fieldValue(endsAt, timeZone));
  const [invalid, setInvalid] = useState(false);
  const errorId = useId();
  const zone = formatZone(timeZone);

  return (
    <form
      className="space-y-2"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!start || !end) return setInvalid(true);
        const next = { start: zonedWallTimeToInstant(start, timeZone), end: zonedWallTimeToInstant(end, timeZone) };
        if (Date.parse(next.end) <= Date.parse(next.start)) return setInvalid(true);
        setInvalid(false);
        onMove(next.start, next.end);
      }}
    >
      <h3 className="text-sm font-medium">{t('planning_move_title')}</h3>
      <label className="block space-y-1 text-sm">
        <span>{t('planning_move_starts', { zone })}</span>
        <Input
          size="sm"
          type="datetime-local"
          step={900}
          value={start}
          required
          aria-describedby={invalid ? errorId : undefined}
          state={invalid ? 'invalid' : 'default'}
          onChange={(e) => setStart(e.target.value)}
        />
      </label>
      <label className="block space-y-1 text-sm">
        <span>{t('planning_move_ends', { zone })}</span>
        <Input
          size="sm"
          type="datetime-local"
          step={900}
          value={end}
          required
          aria-describedby={invalid ? errorId : undefined}
          state={invalid ? 'invalid' : 'default'}
          onChange={(e) => setEnd(e.target.value)}
        />
      </label>
      {invalid ? (
        <p id={errorId} role="alert" className="text-sm text-danger">
          {t('planning_move_invalid')}
        </p>
      ) : null}
      <Button type="submit" size="sm" variant="secondary" loading={pending}>
        {t('planning_move_submit')}
      </Button>
    </form>
  );
}

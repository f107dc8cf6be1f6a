import { useId } from 'react';
import { z } from 'zod';

import { Button } from '@/components/ui/button/button';
import { Input } from '@/components/ui/input/input';
import { useDates, wallTimeInZone, zonedWallTimeToInstant } from '@/lib/dates';
import { useZodForm } from '@/lib/forms';
import { useLocale } from '@/lib/i18n/use-locale';

/** `YYYY-MM-DDTHH:MM` of an instant on a clock: the value of a datetime-local field. */
function fieldValue(instant: string, timeZone: string): string {
  return wallTimeInZone(instant, timeZone).slice(0, 16);
}

/** Both times on `timeZone`'s clock, turned into instants; the end after the start. */
function moveSchema(timeZone: string) {
  const wallTime = z.string().min(1, 'planning_move_invalid');
  return z
    .object({ start: wallTime, end: wallTime })
    .transform(({ start, end }) => ({
      start: zonedWallTimeToInstant(start, timeZone),
      end: zonedWallTimeToInstant(end, timeZone),
    }))
    .refine(({ start, end }) => Date.parse(end) > Date.parse(start), { path: ['end'], message: 'planning_move_invalid' });
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
  const form = useZodForm(moveSchema(timeZone), {
    defaultValues: { start: fieldValue(startsAt, timeZone), end: fieldValue(endsAt, timeZone) },
  });
  const { errors } = form.formState;
  // One sentence for both fields: a time missing, or an end not after the start.
  const invalid = !!(errors.start || errors.end);
  const errorId = useId();
  const zone = formatZone(timeZone);

  return (
    <form
      className="space-y-2"
      noValidate
      onSubmit={form.handleSubmit(({ start, end }) => onMove(start, end))}
    >
      <h3 className="text-sm font-medium">{t('planning_move_title')}</h3>
      <label className="block space-y-1 text-sm">
        <span>{t('planning_move_starts', { zone })}</span>
        <Input
          size="sm"
          type="datetime-local"
          step={900}
          {...form.register('start')}
          aria-describedby={invalid ? errorId : undefined}
          aria-invalid={invalid || undefined}
          state={invalid ? 'invalid' : 'default'}
        />
      </label>
      <label className="block space-y-1 text-sm">
        <span>{t('planning_move_ends', { zone })}</span>
        <Input
          size="sm"
          type="datetime-local"
          step={900}
          {...form.register('end')}
          aria-describedby={invalid ? errorId : undefined}
          aria-invalid={invalid || undefined}
          state={invalid ? 'invalid' : 'default'}
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

import { Link } from 'react-router';

import { ErrorState } from '@/components/ui/error-state/error-state';
import { Spinner } from '@/components/ui/spinner/spinner';
import { cn } from '@/lib/cn';
import { formatCalendarDate } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import { useDayHeatmap, type HeatDay } from '@/features/availability-requests/api/get-day-heatmap';
import { HEAT_CLASS, heatLevel } from '@/features/availability-requests/utils/heat';

/** The words of one day: every count, never the colour alone. */
export function heatDayText(day: HeatDay, t: ReturnType<typeof useLocale>['t'], date: string): string {
  return t('planning_heat_day', {
    date,
    yes: day.yes,
    if_needed: day.if_needed,
    no: day.no,
    no_answer: day.no_answer,
    asked: day.asked,
  });
}

/**
 * The answers to availability requests over the planning's visible window (the planning
 * route puts it there), one cell per day that
 * someone was asked about: available people (yes + if needed) of those asked, coloured by
 * how well the day is covered, each linking to the request behind it.
 */
export function AvailabilityHeatStrip({ window }: { window: { from: string; to: string } | null }) {
  const { t, locale } = useLocale();
  const heat = useDayHeatmap(window, true);
  if (heat.isPending) return <Spinner label={t('planning_heat_loading')} size="sm" />;
  if (heat.isError) return <ErrorState error={heat.error} onRetry={() => void heat.refetch()} />;
  const days = heat.data.days;
  return (
    <section aria-labelledby="planning-heat-title" className="space-y-1 rounded-md border border-border bg-surface px-3 py-2">
      <h2 id="planning-heat-title" className="text-sm font-semibold">
        {t('planning_heat_title')}
      </h2>
      {days.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t('planning_heat_none')}</p>
      ) : (
        <>
          <p className="text-xs text-muted-foreground">{t('planning_heat_hint')}</p>
          <ol className="flex gap-1 overflow-x-auto pb-1" aria-label={t('planning_heat_title')}>
            {days.map((day) => {
              const date = formatCalendarDate(day.day, locale);
              const text = heatDayText(day, t, date);
              return (
                <li key={day.day} className="shrink-0">
                  <Link
                    to={`/availability-requests/${day.request_ids[0] ?? ''}`}
                    aria-label={text}
                    title={text}
                    data-testid={`planning-heat-${day.day}`}
                    className={cn(
                      'flex min-w-14 flex-col items-center rounded px-2 py-1 text-xs focus-visible:outline-2 focus-visible:outline-ring',
                      HEAT_CLASS[heatLevel(day)],
                    )}
                  >
                    <span>{day.day.slice(8, 10)}/{day.day.slice(5, 7)}</span>
                    <span className="font-semibold">
                      {t('planning_heat_cell', { available: day.yes + day.if_needed, asked: day.asked })}
                    </span>
                  </Link>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}

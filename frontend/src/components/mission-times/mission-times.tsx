import { useDates, formatDate, missionClock, type ClockTime, type DateInput } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';

/**
 * A mission's times on its place's clock. When that is not the org's clock, both
 * are shown, each labelled, with the days past the mission's local day: a Montreal
 * date reads "20:00 - 23:00 (Montreal)" then "02:00 +1 j - 05:00 +1 j (Paris)".
 */
export function MissionTimes({
  startsAt,
  endsAt,
  timeZone,
  withDate = true,
  className,
}: {
  startsAt: DateInput;
  endsAt: DateInput;
  /** The mission's timezone (its place's); the org's when absent. */
  timeZone?: string | null;
  withDate?: boolean;
  className?: string;
}) {
  const { t, locale } = useLocale();
  const { timeZone: orgZone, formatDateTime, formatTime } = useDates();
  const zone = timeZone || orgZone;
  if (zone === orgZone) {
    return (
      <span className={className}>
        {withDate ? formatDateTime(startsAt) : formatTime(startsAt)} - {formatTime(endsAt)}
      </span>
    );
  }
  const time = (clock: ClockTime) =>
    clock.days ? t('time_day_shift', { time: clock.time, shift: clock.days > 0 ? `+${clock.days}` : String(clock.days) }) : clock.time;
  const span = (clockZone: string) => {
    const clock = missionClock(startsAt, endsAt, clockZone, zone, locale);
    return t('time_in_zone', { times: `${time(clock.start)} - ${time(clock.end)}`, zone: clock.label });
  };
  return (
    <span className={className}>
      <span className="block" data-clock="place">
        {withDate ? `${formatDate(startsAt, { timeZone: zone, locale })} ` : ''}
        {span(zone)}
      </span>
      <span className="block text-muted-foreground" data-clock="org">
        {span(orgZone)}
      </span>
    </span>
  );
}

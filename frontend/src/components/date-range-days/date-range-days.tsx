import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { useLocale } from '@/lib/i18n/use-locale';

/** Every weekday, 0 (Monday) to 6 (Sunday), as the bulk-create and template APIs count them. */
export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];

interface DateRangeDaysProps {
  from: string;
  to: string;
  weekdays: number[];
  onFromChange: (from: string) => void;
  onToChange: (to: string) => void;
  onWeekdaysChange: (weekdays: number[]) => void;
  /** The weekdays' legend is read by screen readers only (the form's heading says it). */
  hideWeekdaysLegend?: boolean;
  /** Words of each part's error, in the member's language (a form's `useFormText`). */
  errors?: { from?: string; to?: string; weekdays?: string };
}

/** A date range (both ends included) and the weekdays it keeps: the days missions are created on. */
export function DateRangeDays({
  from,
  to,
  weekdays,
  onFromChange,
  onToChange,
  onWeekdaysChange,
  hideWeekdaysLegend = false,
  errors = {},
}: DateRangeDaysProps) {
  const { t } = useLocale();
  const toggle = (day: number) =>
    onWeekdaysChange(weekdays.includes(day) ? weekdays.filter((d) => d !== day) : [...weekdays, day].sort());
  return (
    <div className="space-y-2">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t('projects_field_from')} error={errors.from}>
          {(p) => (
            <Input {...p} type="date" value={from} onChange={(e) => onFromChange(e.target.value)} state={errors.from ? 'invalid' : 'default'} />
          )}
        </Field>
        <Field label={t('projects_field_to')} error={errors.to}>
          {(p) => <Input {...p} type="date" value={to} onChange={(e) => onToChange(e.target.value)} state={errors.to ? 'invalid' : 'default'} />}
        </Field>
      </div>
      <fieldset className="flex flex-wrap gap-3 text-sm">
        <legend className={hideWeekdaysLegend ? 'sr-only' : 'mb-1 w-full text-sm font-medium'}>
          {t('projects_wizard_weekdays')}
        </legend>
        {WEEKDAYS.map((d) => (
          <label key={d} className="flex items-center gap-1">
            <input type="checkbox" checked={weekdays.includes(d)} onChange={() => toggle(d)} />
            {t(`projects_weekday_${d}` as 'projects_weekday_0')}
          </label>
        ))}
        {errors.weekdays ? (
          <p role="alert" className="w-full text-sm text-danger">
            {errors.weekdays}
          </p>
        ) : null}
      </fieldset>
    </div>
  );
}

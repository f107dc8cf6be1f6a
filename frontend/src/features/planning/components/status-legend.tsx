import { useLocale } from '@/lib/i18n/use-locale';
import { ASSIGNMENT_STATUSES } from '@/features/planning/api/get-planning';
import { STATUS_TONES, TONE_COLORS } from '@/features/planning/utils/calendar';

/** What each colour means; also the status filter (each status toggles). */
export function StatusLegend() {
  const { t } = useLocale();
  return (
    <ul aria-label={t('planning_legend')} className="flex flex-wrap gap-3 text-sm">
      {ASSIGNMENT_STATUSES.map((status) => {
        const colors = TONE_COLORS[STATUS_TONES[status]];
        return (
          <li key={status} className="flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className="inline-block size-3 rounded-sm border"
              style={{ background: colors.background, borderColor: colors.border }}
            />
            {t(`planning_status_${status.toLowerCase()}` as 'planning_status_invited')}
          </li>
        );
      })}
    </ul>
  );
}

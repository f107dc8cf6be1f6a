import { useLocale } from '@/lib/i18n/use-locale';
import { ASSIGNMENT_STATUSES } from '@/features/planning/api/get-planning';
import { DeliveryBadge } from '@/features/planning/components/delivery-status';
import { STATUS_TONES, TONE_COLORS } from '@/features/planning/utils/calendar';
import { DELIVERY_STATUSES } from '@/features/planning/utils/delivery';

/** What each colour and each invitation icon means. */
export function StatusLegend() {
  const { t } = useLocale();
  return (
    <div className="space-y-2">
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
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <span id="planning-delivery-legend" className="text-muted-foreground">
          {t('planning_delivery_legend')}
        </span>
        <ul aria-labelledby="planning-delivery-legend" className="flex flex-wrap gap-2">
          {DELIVERY_STATUSES.map((status) => (
            <li key={status}>
              <DeliveryBadge status={status} />
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

import { useLocale } from '@/lib/i18n/use-locale';
import { ASSIGNMENT_STATUSES } from '@/features/planning/api/get-planning';
import { DeliveryBadge } from '@/features/planning/components/delivery-status';
import { STATUS_TONES, TONE_COLORS, type Tone } from '@/features/planning/utils/calendar';
import { DELIVERY_STATUSES } from '@/features/planning/utils/delivery';
import { FILL_STATES, FILL_TONES } from '@/features/planning/utils/timeline';

function Swatch({ tone }: { tone: Tone }) {
  const colors = TONE_COLORS[tone];
  return (
    <span
      aria-hidden="true"
      className="inline-block size-3 shrink-0 rounded-sm border"
      style={{ background: colors.background, borderColor: colors.border }}
    />
  );
}

/**
 * The one colour language of the planning: a mission's colour is its fill state
 * (from its role counts, whatever the status filter), an assignment's colour its
 * status; the icons say what became of each invitation link.
 */
export function StatusLegend({ id, hidden }: { id: string; hidden?: boolean }) {
  const { t } = useLocale();
  return (
    <section id={id} hidden={hidden} aria-label={t('planning_legend')} className="space-y-1.5 text-sm">
      <p className="text-muted-foreground">{t('planning_subtitle')}</p>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span id={`${id}-missions`} className="text-muted-foreground">
          {t('planning_legend_missions')}
        </span>
        <ul aria-labelledby={`${id}-missions`} className="flex flex-wrap gap-3">
          {FILL_STATES.map((state) => (
            <li key={state} data-fill={state} className="flex items-center gap-1.5">
              <Swatch tone={FILL_TONES[state]} />
              {t(`planning_fill_${state}`)}
            </li>
          ))}
        </ul>
      </div>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span id={`${id}-assignments`} className="text-muted-foreground">
          {t('planning_legend_assignments')}
        </span>
        <ul aria-labelledby={`${id}-assignments`} className="flex flex-wrap gap-3">
          {ASSIGNMENT_STATUSES.map((status) => (
            <li key={status} className="flex items-center gap-1.5">
              <Swatch tone={STATUS_TONES[status]} />
              {t(`planning_status_${status.toLowerCase()}` as 'planning_status_invited')}
            </li>
          ))}
        </ul>
      </div>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span id={`${id}-delivery`} className="text-muted-foreground">
          {t('planning_delivery_legend')}
        </span>
        <ul aria-labelledby={`${id}-delivery`} className="flex flex-wrap gap-2">
          {DELIVERY_STATUSES.map((status) => (
            <li key={status}>
              <DeliveryBadge status={status} />
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

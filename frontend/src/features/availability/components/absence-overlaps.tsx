import { ErrorState } from '@/components/ui/error-state/error-state';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import { useAbsenceOverlaps } from '@/features/availability/api/list-absence-overlaps';

/** For a manager deciding an absence: the accepted missions it would leave uncovered, each
 * with the replacements the conflict checks suggest. Approving cancels none of them. */
export function AbsenceOverlaps({ windowId }: { windowId: number }) {
  const { t } = useLocale();
  const { formatDateTime } = useDates();
  const overlaps = useAbsenceOverlaps(windowId);
  if (overlaps.isPending) return <Spinner label={t('loading')} />;
  if (overlaps.isError) return <ErrorState error={overlaps.error} onRetry={() => void overlaps.refetch()} />;
  const items = overlaps.data.assignments;
  if (items.length === 0) return <p className="text-muted-foreground">{t('absence_overlaps_none')}</p>;
  return (
    <div className="space-y-2 rounded-md border border-warning bg-warning-soft p-3">
      <p className="font-medium">{t('absence_overlaps_title', { count: items.length })}</p>
      <ul className="space-y-2">
        {items.map((item) => (
          <li key={item.assignment_id} className="space-y-1">
            <div>
              <span className="font-medium">{item.mission_title}</span>{' '}
              <span className="text-muted-foreground">
                ({item.role_name}) {formatDateTime(item.starts_at)} - {formatDateTime(item.ends_at)}
              </span>
            </div>
            <div className="text-muted-foreground">
              {item.suggestions.length === 0
                ? t('absence_overlaps_no_suggestion')
                : t('absence_overlaps_suggestions', {
                    names: item.suggestions.map((s) => `${s.first_name} ${s.last_name}`).join(', '),
                  })}
            </div>
          </li>
        ))}
      </ul>
      <p className="text-xs text-muted-foreground">{t('absence_overlaps_hint')}</p>
    </div>
  );
}

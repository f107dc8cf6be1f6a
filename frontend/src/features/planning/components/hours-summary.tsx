import { useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import type { PlanningUser } from '@/features/planning/api/get-planning';

/**
 * Hours per person in the visible period, as the planning API counts them: planned
 * (pending and accepted invitations) and accepted, only the part inside the period.
 */
export function HoursSummary({ users }: { users: PlanningUser[] }) {
  const { t } = useLocale();
  const { formatDuration } = useDates();
  const shown = users.filter((u) => u.planned_minutes > 0);

  return (
    <section aria-labelledby="hours-summary-title" className="space-y-2">
      <h2 id="hours-summary-title" className="font-semibold">
        {t('planning_hours_title')}
      </h2>
      <p className="text-xs text-muted-foreground">{t('planning_hours_hint')}</p>
      {shown.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t('planning_hours_empty')}</p>
      ) : (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t('planning_hours_title')}</caption>
          <thead className="text-xs text-muted-foreground">
            <tr>
              <th scope="col" className="py-1 pr-2 font-medium">
                {t('planning_hours_person')}
              </th>
              <th scope="col" className="py-1 pr-2 text-right font-medium">
                {t('planning_hours_planned')}
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                {t('planning_hours_accepted')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((user) => (
              <tr key={user.id} className="border-t border-border">
                <th scope="row" className="py-1 pr-2 font-normal">
                  {user.first_name} {user.last_name}
                </th>
                <td className="whitespace-nowrap py-1 pr-2 text-right tabular-nums">{formatDuration(user.planned_minutes)}</td>
                <td className="whitespace-nowrap py-1 text-right tabular-nums">{formatDuration(user.accepted_minutes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

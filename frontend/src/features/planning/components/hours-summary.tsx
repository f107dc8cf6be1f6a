import type { ColumnDef, SortingState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';

import { DataTable, useDataTable } from '@/components/ui/data-table/data-table';
import { useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import type { PlanningUser } from '@/features/planning/api/get-planning';

/**
 * Hours per person in the visible period, as the planning API counts them: planned
 * (pending and accepted invitations) and accepted, only the part inside the period.
 * Sortable: the most planned first by default, to spot who is overloaded.
 */
export function HoursSummary({ users }: { users: PlanningUser[] }) {
  const { t } = useLocale();
  const { formatDuration } = useDates();
  const shown = useMemo(() => users.filter((u) => u.planned_minutes > 0), [users]);
  const [sorting, setSorting] = useState<SortingState>([{ id: 'planned', desc: true }]);
  const columns = useMemo<ColumnDef<PlanningUser>[]>(
    () => [
      {
        id: 'person',
        accessorFn: (u) => `${u.last_name} ${u.first_name}`.toLowerCase(),
        header: t('planning_hours_person'),
        meta: { rowHeader: true },
        cell: ({ row: { original: u } }) => `${u.first_name} ${u.last_name}`,
      },
      {
        id: 'planned',
        accessorFn: (u) => u.planned_minutes,
        sortDescFirst: true,
        header: t('planning_hours_planned'),
        meta: { className: 'whitespace-nowrap text-right tabular-nums' },
        cell: ({ row: { original: u } }) => formatDuration(u.planned_minutes),
      },
      {
        id: 'accepted',
        accessorFn: (u) => u.accepted_minutes,
        sortDescFirst: true,
        header: t('planning_hours_accepted'),
        meta: { className: 'whitespace-nowrap text-right tabular-nums' },
        cell: ({ row: { original: u } }) => formatDuration(u.accepted_minutes),
      },
    ],
    [t, formatDuration],
  );
  const table = useDataTable({
    data: shown,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getRowId: (u) => String(u.id),
  });

  return (
    <section aria-labelledby="hours-summary-title" className="space-y-2">
      <h2 id="hours-summary-title" className="font-semibold">
        {t('planning_hours_title')}
      </h2>
      <p className="text-xs text-muted-foreground">{t('planning_hours_hint')}</p>
      {shown.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t('planning_hours_empty')}</p>
      ) : (
        <DataTable table={table} caption={t('planning_hours_title')} compact />
      )}
    </section>
  );
}

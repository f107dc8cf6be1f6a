import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';

import { Badge } from '@/components/ui/badge/badge';
import { DataTable, useDataTable } from '@/components/ui/data-table/data-table';
import { EmptyState } from '@/components/ui/empty-state/empty-state';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Select } from '@/components/ui/select/select';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import { useProjects, type Project } from '@/features/projects/api/list-projects';

export const PROJECT_STATUS_BADGE = { DRAFT: 'neutral', ACTIVE: 'success', ARCHIVED: 'info' } as const;

export function projectStatusKey(status: string) {
  return `projects_status_${status.toLowerCase()}` as 'projects_status_draft';
}

const NO_PROJECTS: Project[] = [];

/** Projects with status, dates, managers and fill rate; `managerName` resolves account ids. */
export function ProjectsTable({ managerName }: { managerName: (accountId: number) => string }) {
  const { t } = useLocale();
  const { formatDay } = useDates();
  const [status, setStatus] = useState('');
  const projects = useProjects(status || null);

  const columns = useMemo<ColumnDef<Project>[]>(
    () => [
      {
        id: 'name',
        accessorFn: (p) => p.name.toLowerCase(),
        header: t('projects_col_name'),
        meta: { rowHeader: true, className: 'font-medium' },
        cell: ({ row: { original: p } }) => (
          <Link to={`/projects/${p.id}`} className="text-primary underline-offset-4 hover:underline">
            {p.name}
          </Link>
        ),
      },
      {
        id: 'status',
        accessorFn: (p) => p.status,
        header: t('projects_col_status'),
        cell: ({ row: { original: p } }) => (
          <Badge variant={PROJECT_STATUS_BADGE[p.status as keyof typeof PROJECT_STATUS_BADGE] ?? 'neutral'}>
            {t(projectStatusKey(p.status))}
          </Badge>
        ),
      },
      {
        id: 'dates',
        // Undated projects last in either direction.
        accessorFn: (p) => p.starts_on ?? p.ends_on ?? undefined,
        sortUndefined: 'last',
        header: t('projects_col_dates'),
        meta: { className: 'whitespace-nowrap' },
        cell: ({ row: { original: p } }) =>
          p.starts_on || p.ends_on ? `${p.starts_on ? formatDay(p.starts_on) : '...'} - ${p.ends_on ? formatDay(p.ends_on) : '...'}` : '-',
      },
      {
        id: 'managers',
        enableSorting: false,
        header: t('projects_col_managers'),
        cell: ({ row: { original: p } }) => p.managers.map(managerName).join(', ') || '-',
      },
      { id: 'missions', accessorFn: (p) => p.mission_count, header: t('projects_col_missions'), sortDescFirst: true },
      {
        id: 'fill',
        accessorFn: (p) => p.fill_rate ?? undefined,
        sortUndefined: 'last',
        header: t('projects_col_fill'),
        cell: ({ row: { original: p } }) => <FillRate rate={p.fill_rate} accepted={p.accepted} quota={p.quota_total} />,
      },
    ],
    [t, formatDay, managerName],
  );
  const table = useDataTable({ data: projects.data?.items ?? NO_PROJECTS, columns, getRowId: (p) => String(p.id) });

  return (
    <div className="space-y-3">
      <label className="flex items-center gap-2 text-sm font-medium">
        {t('projects_filter_status')}
        <Select size="sm" width="auto" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">{t('planning_filter_all')}</option>
          {(['DRAFT', 'ACTIVE', 'ARCHIVED'] as const).map((s) => (
            <option key={s} value={s}>
              {t(projectStatusKey(s))}
            </option>
          ))}
        </Select>
      </label>
      {projects.isPending ? <Spinner label={t('projects_loading')} /> : null}
      {projects.isError ? <ErrorState error={projects.error} onRetry={() => void projects.refetch()} /> : null}
      {projects.data?.items.length === 0 ? <EmptyState title={t('projects_empty')} description={t('projects_empty_hint')} /> : null}
      {projects.data?.items.length ? (
        <DataTable table={table} caption={t('projects_title')} />
      ) : null}
    </div>
  );
}

export function FillRate({ rate, accepted, quota }: { rate: number | null; accepted: number; quota: number }) {
  const { t } = useLocale();
  if (rate === null) return <span className="text-muted-foreground">-</span>;
  const percent = Math.round(rate * 100);
  return (
    <div className="flex items-center gap-2">
      <meter
        min={0}
        max={1}
        value={rate}
        aria-label={t('projects_fill_label', { accepted, quota })}
        className="h-2 w-20"
      />
      <span>
        {percent}% ({accepted}/{quota})
      </span>
    </div>
  );
}

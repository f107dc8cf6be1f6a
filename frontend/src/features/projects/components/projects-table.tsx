import { useState } from 'react';
import { Link } from 'react-router';

import { Badge } from '@/components/ui/badge/badge';
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

/** Projects with status, dates, managers and fill rate; `managerName` resolves account ids. */
export function ProjectsTable({ managerName }: { managerName: (accountId: number) => string }) {
  const { t } = useLocale();
  const { formatDay } = useDates();
  const [status, setStatus] = useState('');
  const projects = useProjects(status || null);

  const dates = (p: Project) =>
    p.starts_on || p.ends_on ? `${p.starts_on ? formatDay(p.starts_on) : '...'} - ${p.ends_on ? formatDay(p.ends_on) : '...'}` : '-';

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
        <div className="overflow-x-auto rounded-lg border border-border bg-surface">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t('projects_title')}</caption>
            <thead className="border-b border-border bg-muted/60 text-muted-foreground">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">{t('projects_col_name')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t('projects_col_status')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t('projects_col_dates')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t('projects_col_managers')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t('projects_col_missions')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t('projects_col_fill')}</th>
              </tr>
            </thead>
            <tbody>
              {projects.data.items.map((p) => (
                <tr key={p.id} className="border-b border-border last:border-0">
                  <th scope="row" className="px-4 py-3 text-left font-medium">
                    <Link to={`/projects/${p.id}`} className="text-primary underline-offset-4 hover:underline">
                      {p.name}
                    </Link>
                  </th>
                  <td className="px-4 py-3">
                    <Badge variant={PROJECT_STATUS_BADGE[p.status as keyof typeof PROJECT_STATUS_BADGE] ?? 'neutral'}>
                      {t(projectStatusKey(p.status))}
                    </Badge>
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap">{dates(p)}</td>
                  <td className="px-4 py-3">{p.managers.map(managerName).join(', ') || '-'}</td>
                  <td className="px-4 py-3">{p.mission_count}</td>
                  <td className="px-4 py-3">
                    <FillRate rate={p.fill_rate} accepted={p.accepted} quota={p.quota_total} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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

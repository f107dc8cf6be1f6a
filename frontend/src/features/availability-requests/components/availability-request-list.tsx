import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { Link } from 'react-router';

import { Alert } from '@/components/ui/alert/alert';
import { Badge } from '@/components/ui/badge/badge';
import { DataTable, useDataTable } from '@/components/ui/data-table/data-table';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import {
  useAvailabilityRequests,
  type AvailabilityRequestSummary,
} from '@/features/availability-requests/api/list-availability-requests';

const NO_REQUESTS: AvailabilityRequestSummary[] = [];

/** The org's requests: title, period, how many answered, open or closed; sortable. */
export function AvailabilityRequestList() {
  const { t, tError } = useLocale();
  const { formatDay, formatDateTime } = useDates();
  const requests = useAvailabilityRequests();
  const columns = useMemo<ColumnDef<AvailabilityRequestSummary>[]>(
    () => [
      {
        id: 'title',
        accessorFn: (r) => r.title.toLowerCase(),
        header: t('availability_request_field_title'),
        meta: { rowHeader: true },
        cell: ({ row: { original: r } }) => (
          <Link to={`/availability-requests/${r.id}`} className="font-medium text-primary underline-offset-4 hover:underline">
            {r.title}
          </Link>
        ),
      },
      {
        id: 'period',
        accessorFn: (r) => r.starts_on,
        header: t('availability_request_period'),
        cell: ({ row: { original: r } }) =>
          t('availability_request_period_value', { from: formatDay(r.starts_on), to: formatDay(r.ends_on) }),
      },
      {
        id: 'deadline',
        accessorFn: (r) => r.deadline,
        header: t('availability_request_field_deadline'),
        cell: ({ row: { original: r } }) => formatDateTime(r.deadline),
      },
      {
        id: 'answered',
        // Share of recipients who answered: the least answered first when ascending.
        accessorFn: (r) => (r.recipients_count ? r.answered_count / r.recipients_count : 0),
        header: t('availability_request_answered'),
        meta: { className: 'tabular-nums' },
        cell: ({ row: { original: r } }) => `${r.answered_count} / ${r.recipients_count}`,
      },
      {
        id: 'status',
        accessorFn: (r) => (r.closed_at ? 1 : 0),
        header: t('availability_request_status'),
        cell: ({ row: { original: r } }) => (
          <Badge variant={r.closed_at ? 'neutral' : 'success'}>
            {t(r.closed_at ? 'availability_request_closed' : 'availability_request_open')}
          </Badge>
        ),
      },
    ],
    [t, formatDay, formatDateTime],
  );
  const table = useDataTable({ data: requests.data?.items ?? NO_REQUESTS, columns, getRowId: (r) => String(r.id) });

  if (requests.isPending) return <Spinner label={t('availability_requests_loading')} />;
  if (requests.isError) return <Alert variant="danger">{tError(requests.error)}</Alert>;
  if (!requests.data.items.length) return <p className="text-muted-foreground">{t('availability_requests_empty')}</p>;
  return <DataTable table={table} caption={t('availability_requests_title')} />;
}

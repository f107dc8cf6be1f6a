import { useState } from 'react';
import { Link } from 'react-router';

import { Badge } from '@/components/ui/badge/badge';
import { Button } from '@/components/ui/button/button';
import { EmptyState } from '@/components/ui/empty-state/empty-state';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Field } from '@/components/ui/field/field';
import { Select } from '@/components/ui/select/select';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import {
  CERTIFICATIONS_PAGE_SIZE,
  useExpiringCertifications,
  type ExpiringCertification,
} from '@/features/users/api/list-expiring-certifications';

const HORIZONS = [7, 30, 60, 90, 180] as const;

/** What the org must renew: certifications expiring within the horizon, and expired ones still booked. */
export function ExpiringCertifications() {
  const { t } = useLocale();
  const { formatDay } = useDates();
  const [withinDays, setWithinDays] = useState(30);
  const [page, setPage] = useState(1);
  const list = useExpiringCertifications(withinDays, page);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4 rounded-lg border border-border bg-surface p-4">
        <Field label={t('certifications_within')} className="w-40">
          {(control) => (
            <Select
              {...control}
              value={String(withinDays)}
              onChange={(e) => {
                setWithinDays(Number(e.target.value));
                setPage(1);
              }}
            >
              {HORIZONS.map((days) => (
                <option key={days} value={days}>
                  {t('certifications_within_days', { count: days })}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {list.data ? <p className="pb-2 text-sm text-muted-foreground">{t('certifications_today', { date: formatDay(list.data.today) })}</p> : null}
      </div>

      {list.isPending ? (
        <Spinner label={t('certifications_loading')} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t('certifications_empty')} description={t('certifications_empty_hint')} />
      ) : (
        <div className="space-y-3">
          <p className="text-sm text-muted-foreground" aria-live="polite">
            {t('certifications_count', { count: list.data.total })}
          </p>
          <ul className="divide-y divide-border rounded-lg border border-border bg-surface" aria-label={t('certifications_title')}>
            {list.data.items.map((item) => (
              <CertificationItem key={`${item.user_id}-${item.skill}`} item={item} />
            ))}
          </ul>
          {list.data.total > CERTIFICATIONS_PAGE_SIZE ? (
            <nav aria-label={t('pagination_label')} className="flex items-center gap-3">
              <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                {t('pagination_previous')}
              </Button>
              <span className="text-sm text-muted-foreground">
                {t('pagination_page', { page, pages: Math.ceil(list.data.total / CERTIFICATIONS_PAGE_SIZE) })}
              </span>
              <Button
                variant="secondary"
                size="sm"
                disabled={page * CERTIFICATIONS_PAGE_SIZE >= list.data.total}
                onClick={() => setPage(page + 1)}
              >
                {t('pagination_next')}
              </Button>
            </nav>
          ) : null}
        </div>
      )}
    </div>
  );
}

function CertificationItem({ item }: { item: ExpiringCertification }) {
  const { t } = useLocale();
  const { formatDay, formatDateTime } = useDates();
  const expired = item.status === 'expired';
  const left =
    item.days_left < 0
      ? t('certifications_expired_since', { count: -item.days_left })
      : item.days_left === 0
        ? t('certifications_last_day')
        : t('certifications_days_left', { count: item.days_left });
  return (
    <li className="flex flex-wrap items-start justify-between gap-3 px-4 py-3">
      <div className="min-w-0 space-y-1">
        <p className="flex flex-wrap items-center gap-2">
          <Link to={`/users/${item.user_id}`} className="font-medium text-primary underline-offset-4 hover:underline">
            {item.first_name} {item.last_name}
          </Link>
          <span>{item.skill}</span>
          <Badge variant={expired ? 'danger' : 'info'}>{t(expired ? 'users_cert_expired' : 'users_cert_expiring')}</Badge>
        </p>
        <p className="text-sm text-muted-foreground">
          {t('users_cert_valid_until', { date: formatDay(item.valid_until) })} {t('separator')} {left}
          {item.reference ? (
            <>
              {' '}
              {t('separator')} {t('users_cert_reference', { reference: item.reference })}
            </>
          ) : null}
        </p>
      </div>
      <p className={item.affected_assignments ? 'text-sm font-medium text-danger' : 'text-sm text-muted-foreground'}>
        {item.affected_assignments && item.next_affected_starts_at
          ? t('certifications_missions', { count: item.affected_assignments, date: formatDateTime(item.next_affected_starts_at) })
          : t('certifications_no_mission')}
      </p>
    </li>
  );
}

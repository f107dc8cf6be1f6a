import { useState } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Badge } from '@/components/ui/badge/badge';
import { Button } from '@/components/ui/button/button';
import { EmptyState } from '@/components/ui/empty-state/empty-state';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { Select } from '@/components/ui/select/select';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useDescribeConflict } from '@/lib/conflict-text';
import { addDays, dayInZone, useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import { useConflicts, type Conflict } from '@/features/conflicts/api/list-conflicts';
import { useResolveConflict } from '@/features/conflicts/api/resolve-conflict';
import { CONFLICT_KINDS, conflictKey, filterByKind } from '@/features/conflicts/utils/conflict-kinds';

const name = (user: { first_name: string; last_name: string }) => [user.first_name, user.last_name].filter(Boolean).join(' ');

/** The conflicts of a window, by kind and date, each with its ranked replacements. */
export function ConflictsList() {
  const { t, tError } = useLocale();
  const { timeZone } = useDates();
  const today = dayInZone(new Date(), timeZone);
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(addDays(today, 30));
  const [kind, setKind] = useState('');
  const report = useConflicts(from, to);
  const resolve = useResolveConflict();
  const [resolved, setResolved] = useState<string | null>(null);

  return (
    <div className="space-y-4">
      <div className="grid gap-3 rounded-lg border border-border bg-surface p-4 sm:grid-cols-3">
        <Field label={t('conflicts_from')}>
          {(control) => <Input {...control} type="date" value={from} onChange={(e) => e.target.value && setFrom(e.target.value)} />}
        </Field>
        <Field label={t('conflicts_to')} hint={t('conflicts_window_hint')}>
          {(control) => <Input {...control} type="date" value={to} onChange={(e) => e.target.value && setTo(e.target.value)} />}
        </Field>
        <Field label={t('conflicts_kind')}>
          {(control) => (
            <Select {...control} value={kind} onChange={(e) => setKind(e.target.value)}>
              <option value="">{t('conflicts_kind_all')}</option>
              {CONFLICT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`conflict_kind_${k}`)}
                  {report.data ? ` (${report.data.counts[k]})` : ''}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      {resolved ? <Alert variant="success">{resolved}</Alert> : null}
      {resolve.isError ? <Alert variant="danger">{tError(resolve.error)}</Alert> : null}
      {report.isPending ? (
        <Spinner label={t('conflicts_loading')} />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : filterByKind(report.data.items, kind).length === 0 ? (
        <EmptyState title={t('conflicts_empty')} description={t('conflicts_empty_hint')} />
      ) : (
        <>
          <p className="text-sm text-muted-foreground" aria-live="polite">
            {t('conflicts_count', { count: kind ? filterByKind(report.data.items, kind).length : report.data.total })}
            {report.data.truncated ? ` ${t('conflicts_truncated')}` : ''}
          </p>
          <ul className="space-y-3">
            {filterByKind(report.data.items, kind).map((conflict) => (
              <ConflictCard
                key={conflictKey(conflict)}
                conflict={conflict}
                pending={resolve.isPending && resolve.variables?.assignment_id === conflict.target_assignment_id}
                onResolve={(userId, label) => {
                  setResolved(null);
                  resolve.mutate(
                    { assignment_id: conflict.target_assignment_id, replacement_user_id: userId },
                    { onSuccess: () => setResolved(t('conflicts_resolved', { name: label })) },
                  );
                }}
              />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function ConflictCard({
  conflict,
  pending,
  onResolve,
}: {
  conflict: Conflict;
  pending: boolean;
  onResolve: (userId: number, label: string) => void;
}) {
  const { t } = useLocale();
  const { formatDate, formatTime } = useDates();
  const describe = useDescribeConflict();
  const who = name(conflict.user);
  const suggestions = conflict.suggestions ?? [];
  const headingId = `conflict-${conflictKey(conflict).replace(/:/g, '-')}`;
  return (
    <li className="rounded-lg border border-border bg-surface p-4 shadow-sm">
      <article aria-labelledby={headingId} className="space-y-3">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div>
            <h2 id={headingId} className="font-medium">
              {t(`conflict_kind_${conflict.kind}`)} {t('separator')} {who}
            </h2>
            <p className="text-sm text-muted-foreground">
              {describe(conflict)}
            </p>
          </div>
          <Badge variant={conflict.confirmed ? 'danger' : 'info'}>
            {t(conflict.confirmed ? 'conflicts_confirmed' : 'conflicts_tentative')}
          </Badge>
        </div>
        <ul className="space-y-1 text-sm">
          {conflict.assignments.map((a) => (
            <li key={a.id}>
              {t('conflicts_assignment', {
                date: formatDate(a.starts_at),
                start: formatTime(a.starts_at),
                end: formatTime(a.ends_at),
                status: t(`assignment_status_${a.status.toLowerCase() as 'invited'}`),
              })}
              {a.id === conflict.target_assignment_id ? (
                <span className="ml-2 font-medium text-danger">{t('conflicts_to_replace')}</span>
              ) : null}
            </li>
          ))}
        </ul>
        <div>
          <h3 className="text-sm font-semibold">{t('conflicts_suggestions')}</h3>
          {suggestions.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t('conflicts_no_suggestion')}</p>
          ) : (
            <ol className="mt-2 space-y-2">
              {suggestions.map((s, index) => {
                const label = name(s);
                return (
                  <li key={s.user_id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
                    <span>
                      <span className="font-medium">
                        {index + 1}. {label}
                      </span>{' '}
                      <span className="text-muted-foreground">
                        {t('conflicts_suggestion_meta', { score: s.skill_score, hours: s.week_hours })}
                      </span>
                    </span>
                    <Button
                      size="sm"
                      variant={index === 0 ? 'primary' : 'secondary'}
                      loading={pending}
                      aria-label={t('conflicts_replace_with', { name: label, who })}
                      onClick={() => onResolve(s.user_id, label)}
                    >
                      {t('conflicts_replace')}
                    </Button>
                  </li>
                );
              })}
            </ol>
          )}
        </div>
      </article>
    </li>
  );
}

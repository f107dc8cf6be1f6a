import { useState } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Badge } from '@/components/ui/badge/badge';
import { Button } from '@/components/ui/button/button';
import { ConfirmDialog } from '@/components/ui/dialog/confirm-dialog';
import { UndoToast, type UndoOffer } from '@/components/ui/toast/undo-toast';
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
import { useResolveConflict, type InvitedAssignment } from '@/features/conflicts/api/resolve-conflict';
import { CONFLICT_KINDS, conflictKey, filterByKind } from '@/features/conflicts/utils/conflict-kinds';

const name = (user: { first_name: string; last_name: string }) => [user.first_name, user.last_name].filter(Boolean).join(' ');

/** A replacement asked for (waiting for the manager's confirmation) or done. */
interface Replacement {
  conflict: Conflict;
  userId: number;
  label: string;
  result?: InvitedAssignment;
}

/** Report order: by the start of the conflict's first assignment. */
const firstStart = (conflict: Conflict) => conflict.assignments[0]?.starts_at ?? '';

/**
 * The conflicts of a window, by kind and date, each with its ranked replacements.
 * "Remplacer" asks for confirmation, then shows its result in the conflict's own card
 * (kept in place once the report no longer lists it), with an Undo for a few seconds.
 * The window opens on `initialFrom`..`initialTo` (the route picks the current project's).
 */
export function ConflictsList({ initialFrom, initialTo, periodNote }: { initialFrom?: string; initialTo?: string; periodNote?: string }) {
  const { t } = useLocale();
  const { timeZone } = useDates();
  const today = dayInZone(new Date(), timeZone);
  const [from, setFrom] = useState(initialFrom ?? today);
  const [to, setTo] = useState(initialTo ?? addDays(today, 30));
  const [kind, setKind] = useState('');
  const report = useConflicts(from, to);
  const resolve = useResolveConflict();
  const [asked, setAsked] = useState<Replacement | null>(null);
  const [done, setDone] = useState<Map<string, Replacement>>(new Map());
  const [undo, setUndo] = useState<(UndoOffer & { key: number }) | null>(null);

  const replace = (ask: Replacement) => {
    const key = conflictKey(ask.conflict);
    const target = ask.conflict.target_assignment_id;
    if (target === null) return;
    const who = name(ask.conflict.user);
    resolve.mutate(
      { assignment_id: target, replacement_user_id: ask.userId },
      {
        onSettled: () => setAsked(null),
        onSuccess: (result) => {
          setDone((d) => new Map(d).set(key, { ...ask, result }));
          setUndo({
            key: Date.now(),
            message: t('conflicts_replaced_here', { name: ask.label, who }),
            undoneMessage: t('conflicts_undo_replace', { name: ask.label, who }),
            undo: () =>
              resolve.mutateAsync({ assignment_id: result.id, replacement_user_id: ask.conflict.user.id }).then(() =>
                setDone((d) => {
                  const next = new Map(d);
                  next.delete(key);
                  return next;
                }),
              ),
          });
        },
      },
    );
  };

  // The report after a replacement no longer lists its conflict: its card stays, with the result.
  const items = (() => {
    if (!report.data) return [];
    const listed = new Set(report.data.items.map(conflictKey));
    const kept = [...done.values()].filter((r) => !listed.has(conflictKey(r.conflict))).map((r) => r.conflict);
    return filterByKind([...report.data.items, ...kept].sort((a, b) => firstStart(a).localeCompare(firstStart(b))), kind);
  })();

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
        {periodNote ? <p className="text-sm text-muted-foreground sm:col-span-3">{periodNote}</p> : null}
      </div>
      {report.isPending ? (
        <Spinner label={t('conflicts_loading')} />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('conflicts_empty')} description={t('conflicts_empty_hint')} />
      ) : (
        <>
          <p className="text-sm text-muted-foreground" aria-live="polite">
            {t('conflicts_count', { count: kind ? filterByKind(report.data.items, kind).length : report.data.total })}
            {report.data.truncated ? ` ${t('conflicts_truncated')}` : ''}
          </p>
          <ul className="space-y-3">
            {items.map((conflict) => {
              const key = conflictKey(conflict);
              const mine = resolve.variables?.assignment_id === conflict.target_assignment_id;
              return (
                <ConflictCard
                  key={key}
                  conflict={conflict}
                  pending={resolve.isPending && mine}
                  error={resolve.isError && mine ? resolve.error : null}
                  replaced={done.get(key) ?? null}
                  onResolve={(userId, label) => {
                    resolve.reset();
                    setAsked({ conflict, userId, label });
                  }}
                />
              );
            })}
          </ul>
        </>
      )}
      <ConfirmDialog
        open={asked !== null}
        title={asked ? t('conflicts_replace_title', { who: name(asked.conflict.user), name: asked.label }) : ''}
        description={asked ? t('conflicts_replace_confirm', { who: name(asked.conflict.user), name: asked.label }) : undefined}
        confirmLabel={t('conflicts_replace')}
        cancelLabel={t('action_cancel')}
        loading={resolve.isPending}
        onCancel={() => setAsked(null)}
        onConfirm={() => asked && replace(asked)}
      />
      {undo ? <UndoToast key={undo.key} offer={undo} onClose={() => setUndo(null)} /> : null}
    </div>
  );
}

function ConflictCard({
  conflict,
  pending,
  error,
  replaced,
  onResolve,
}: {
  conflict: Conflict;
  pending: boolean;
  error: unknown;
  replaced: Replacement | null;
  onResolve: (userId: number, label: string) => void;
}) {
  const { t, tError } = useLocale();
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
            <li key={a.id ?? 'proposed'}>
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
        {replaced?.result ? (
          <Alert variant="success">{t('conflicts_replaced_here', { name: replaced.label, who })}</Alert>
        ) : null}
        {error ? <Alert variant="danger">{tError(error)}</Alert> : null}
        {replaced?.result ? null : (
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
        )}
      </article>
    </li>
  );
}

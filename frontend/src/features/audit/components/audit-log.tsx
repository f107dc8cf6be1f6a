import { useState } from 'react';
import { z } from 'zod';
import { Link } from 'react-router';

import { Button } from '@/components/ui/button/button';
import { EmptyState } from '@/components/ui/empty-state/empty-state';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { Select } from '@/components/ui/select/select';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useDates } from '@/lib/dates';
import { hasMessage, type MessageKey } from '@/lib/i18n/translate';
import { useFormText, useZodForm } from '@/lib/forms';
import { useLocale } from '@/lib/i18n/use-locale';
import { isRole, roleKey } from '@/lib/roles';
import { useAuditEntries, type AuditEntry, type AuditFilters } from '@/features/audit/api/list-audit-entries';
import {
  actionMessageKey,
  AUDIT_NOUNS,
  classifyValue,
  codeMessageKey,
  fieldChanges,
  fieldMessageKey,
  otherDetails,
} from '@/features/audit/utils/audit-entry';

export interface AuditActorOption {
  id: number;
  label: string;
}

const filtersSchema = z
  .object({
    actor: z.string(),
    noun: z.string(),
    target: z.string().trim().max(200, 'form_invalid'),
    from: z.string(),
    to: z.string(),
  })
  .refine((d) => !d.from || !d.to || d.to >= d.from, { path: ['to'], message: 'audit_filter_bad_window' });

type Draft = z.output<typeof filtersSchema>;

const EMPTY: Draft = { actor: '', noun: '', target: '', from: '', to: '' };

function toFilters(draft: Draft): AuditFilters {
  return {
    actor: draft.actor ? Number(draft.actor) : undefined,
    action: draft.noun ? `${draft.noun}.` : undefined,
    target: draft.target || undefined,
    from: draft.from || undefined,
    to: draft.to || undefined,
  };
}

/** Reads a catalog key when the catalog has it, else shows the raw text (new actions, fields). */
function useLabel() {
  const { t, locale } = useLocale();
  return (key: string, fallback: string) => (hasMessage(locale, key) ? t(key as MessageKey) : fallback);
}

/** The org's audit log: filters, entries newest first with what changed, "load more". */
export function AuditLog({ actors }: { actors: AuditActorOption[] }) {
  const { t, tError } = useLocale();
  const errorText = useFormText();
  const form = useZodForm(filtersSchema, { defaultValues: EMPTY });
  const { errors } = form.formState;
  const [filters, setFilters] = useState<AuditFilters>({});
  const entries = useAuditEntries(filters);
  const label = useLabel();

  const apply = form.handleSubmit((draft) => setFilters(toFilters(draft)));
  const reset = () => {
    form.reset(EMPTY);
    setFilters({});
  };
  const items = entries.data?.pages.flatMap((page) => page.items) ?? [];
  // A failed "load more" keeps the entries already shown (TanStack keeps data on error).
  const moreError = entries.isFetchNextPageError ? entries.error : null;

  return (
    <div className="space-y-4">
      <form
        role="search"
        aria-label={t('audit_filters')}
        onSubmit={apply}
        noValidate
        className="grid gap-3 rounded-lg border border-border bg-surface p-4 sm:grid-cols-2 lg:grid-cols-3"
      >
        <Field label={t('audit_filter_actor')}>
          {(control) => (
            <Select {...control} {...form.register('actor')}>
              <option value="">{t('audit_filter_actor_all')}</option>
              {actors.map((actor) => (
                <option key={actor.id} value={actor.id}>
                  {actor.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={t('audit_filter_action')}>
          {(control) => (
            <Select {...control} {...form.register('noun')}>
              <option value="">{t('audit_filter_action_all')}</option>
              {AUDIT_NOUNS.map((noun) => (
                <option key={noun} value={noun}>
                  {label(`audit_noun_${noun}`, noun)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={t('audit_filter_target')} hint={t('audit_filter_target_hint')} error={errorText(errors.target)}>
          {(control) => <Input {...control} {...form.register('target')} maxLength={200} placeholder="mission:42" />}
        </Field>
        <Field label={t('audit_filter_from')}>
          {(control) => <Input {...control} type="date" {...form.register('from')} />}
        </Field>
        <Field label={t('audit_filter_to')} error={errorText(errors.to)}>
          {(control) => <Input {...control} type="date" {...form.register('to')} state={errors.to ? 'invalid' : 'default'} />}
        </Field>
        <div className="flex flex-wrap items-end gap-2">
          <Button type="submit">{t('audit_filter_apply')}</Button>
          <Button type="button" variant="secondary" onClick={reset}>
            {t('audit_filter_reset')}
          </Button>
        </div>
      </form>

      {entries.isPending ? (
        <Spinner label={t('audit_loading')} />
      ) : !entries.data ? (
        <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('audit_empty')} description={t('audit_empty_hint')} />
      ) : (
        <>
          <p className="text-sm text-muted-foreground" aria-live="polite">
            {t('audit_shown', { count: items.length })}
          </p>
          <ol className="space-y-3" aria-label={t('audit_entries')}>
            {items.map((entry) => (
              <AuditEntryItem key={entry.id} entry={entry} />
            ))}
          </ol>
          {moreError ? (
            <p role="alert" className="text-sm text-danger">
              {tError(moreError)}
            </p>
          ) : null}
          {entries.hasNextPage ? (
            <div className="flex justify-center">
              <Button
                variant="secondary"
                loading={entries.isFetchingNextPage}
                onClick={() => void entries.fetchNextPage()}
              >
                {t('audit_load_more')}
              </Button>
            </div>
          ) : (
            <p className="text-center text-sm text-muted-foreground">{t('audit_end')}</p>
          )}
        </>
      )}
    </div>
  );
}

const TARGET = /^([a-z_]+):(\d+)$/;
const TARGET_LINKS: Record<string, (id: string) => string> = {
  project: (id) => `/projects/${id}`,
  place: () => '/places',
  user: (id) => `/users/${id}`,
};

function TargetLabel({ target }: { target: string }) {
  const label = useLabel();
  const match = TARGET.exec(target);
  const noun = match?.[1];
  const id = match?.[2];
  if (!noun || !id) return <span>{label(`audit_noun_${target}`, target)}</span>;
  const text = `${label(`audit_noun_${noun}`, noun)} #${id}`;
  const href = TARGET_LINKS[noun]?.(id);
  return href ? (
    <Link to={href} className="text-primary underline underline-offset-4">
      {text}
    </Link>
  ) : (
    <span>{text}</span>
  );
}

function Value({ value, field }: { value: unknown; field: string }) {
  const { t } = useLocale();
  const { formatDateTime } = useDates();
  const label = useLabel();
  if (field === 'role' && isRole(value)) return <span>{t(roleKey(value))}</span>;
  const part = classifyValue(value);
  switch (part.kind) {
    case 'empty':
      return <span className="text-muted-foreground italic">{t('audit_value_empty')}</span>;
    case 'redacted':
      return <span className="text-muted-foreground italic">{t('audit_value_redacted')}</span>;
    case 'boolean':
      return <span>{t(part.value ? 'audit_value_yes' : 'audit_value_no')}</span>;
    case 'instant':
      return <time dateTime={part.value}>{formatDateTime(part.value)}</time>;
    case 'code':
      return <span>{label(codeMessageKey(part.value), part.value)}</span>;
    default:
      return <span className="break-words">{part.value}</span>;
  }
}

function AuditEntryItem({ entry }: { entry: AuditEntry }) {
  const { t } = useLocale();
  const { formatDateTime } = useDates();
  const label = useLabel();
  const changes = fieldChanges(entry.payload);
  const details = otherDetails(entry.payload);
  const headingId = `audit-entry-${entry.id}`;
  const fieldLabel = (field: string) =>
    field
      .split('.')
      .map((part) => label(fieldMessageKey(part), label(`audit_noun_${part}`, part)))
      .join(' / ');

  return (
    <li className="rounded-lg border border-border bg-surface p-4 shadow-sm">
      <article aria-labelledby={headingId} className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <h2 id={headingId} className="font-medium">
            {label(actionMessageKey(entry.action), entry.action)}
            {entry.target ? (
              <>
                <span className="font-normal whitespace-pre text-muted-foreground">{t('separator')}</span>
                <TargetLabel target={entry.target} />
              </>
            ) : null}
          </h2>
          <time dateTime={entry.created_at} className="text-sm text-muted-foreground">
            {formatDateTime(entry.created_at)}
          </time>
        </div>
        <p className="text-sm text-muted-foreground">
          {entry.actor
            ? t('audit_by', { name: entry.actor.display_name, email: entry.actor.email })
            : t('audit_by_nobody')}
        </p>
        {changes.length > 0 ? (
          <ul className="space-y-1 text-sm" aria-label={t('audit_changes')}>
            {changes.map((change) => (
              <li key={change.field} className="flex flex-wrap gap-x-2">
                <span className="font-medium">{fieldLabel(change.field)}</span>{' '}
                <span>
                  <span className="sr-only">{t('audit_before')} </span>
                  <del className="text-muted-foreground">
                    <Value value={change.before} field={change.field} />
                  </del>
                  <span aria-hidden="true"> {t('audit_arrow')} </span>
                  <span className="sr-only">{t('audit_after')} </span>
                  <ins className="no-underline">
                    <Value value={change.after} field={change.field} />
                  </ins>
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        {details.length > 0 ? (
          <dl className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
            {details.map(([key, value]) => (
              <div key={key} className="flex gap-1">
                <dt>{label(`audit_detail_${key}`, key)}</dt>
                <dd>
                  <Value value={value} field={key} />
                </dd>
              </div>
            ))}
          </dl>
        ) : null}
      </article>
    </li>
  );
}

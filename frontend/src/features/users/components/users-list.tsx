import { functionalUpdate, type ColumnDef, type PaginationState, type SortingState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { z } from 'zod';
import { Link } from 'react-router';

import { Badge } from '@/components/ui/badge/badge';
import { Button } from '@/components/ui/button/button';
import { DataTable, TablePagination, useDataTable } from '@/components/ui/data-table/data-table';
import { EmptyState } from '@/components/ui/empty-state/empty-state';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { Select } from '@/components/ui/select/select';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useDates } from '@/lib/dates';
import { useZodForm } from '@/lib/forms';
import { useLocale } from '@/lib/i18n/use-locale';
import { useUsers, type User, type UserFilters } from '@/features/users/api/list-users';
import { CertificationBadge } from '@/features/users/components/certification-badge';
import { EMPLOYMENT_TYPES, employmentKey, fullName } from '@/features/users/utils/employment';

const PAGE_SIZE = 50;
const NO_USERS: User[] = [];

/** The API sort keys of each sortable column (docs/api.md, `/users`). */
const SORT_KEYS: Record<string, string[]> = {
  name: ['last_name', 'first_name'],
  employment: ['employment_type', 'last_name', 'first_name'],
};

/** A table sort as the API's `sort` parameter; none leaves the API's order (relevance with a search). */
export function apiSort(sorting: SortingState): string | undefined {
  const first = sorting[0];
  const keys = first ? SORT_KEYS[first.id] : undefined;
  if (!first || !keys) return undefined;
  return keys.map((key) => (first.desc ? `-${key}` : key)).join(',');
}

/** The search as typed; empty fields filter nothing. */
const searchSchema = z.object({
  q: z.string().trim().max(200),
  skill: z.string().trim().max(100),
  tag: z.string().trim().max(100),
  employmentType: z.string(),
});
type Search = z.output<typeof searchSchema>;
const NO_SEARCH: Search = { q: '', skill: '', tag: '', employmentType: '' };

function toFilters(search: Search, sort: string | undefined): UserFilters {
  return {
    q: search.q || undefined,
    skill: search.skill || undefined,
    tag: search.tag || undefined,
    employmentType: search.employmentType || undefined,
    sort,
    page: 1,
  };
}


/** The crew directory: full-text search, skill / tag / employment type filters, pages of 50. */
export function UsersList() {
  const { t } = useLocale();
  const today = useDates().today();
  const search = useZodForm(searchSchema, { defaultValues: NO_SEARCH });
  const [filters, setFilters] = useState<UserFilters>({ page: 1 });
  const [sorting, setSorting] = useState<SortingState>([]);
  const users = useUsers(filters);
  const pagination: PaginationState = { pageIndex: (filters.page ?? 1) - 1, pageSize: PAGE_SIZE };
  const columns = useMemo<ColumnDef<User>[]>(
    () => [
      {
        id: 'name',
        accessorFn: fullName,
        header: t('users_col_name'),
        meta: { rowHeader: true },
        cell: ({ row: { original: user } }) => (
          <>
            <Link
              to={`/users/${user.id}`}
              className="font-medium text-primary underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-ring"
            >
              {fullName(user)}
            </Link>
            {user.email ? <div className="text-muted-foreground">{user.email}</div> : null}
          </>
        ),
      },
      {
        id: 'employment',
        accessorFn: (user) => user.employment_type,
        header: t('users_col_employment'),
        cell: ({ row: { original: user } }) => t(employmentKey(user.employment_type)),
      },
      {
        id: 'skills',
        header: t('users_col_skills'),
        cell: ({ row: { original: user } }) => (
          <ul className="flex flex-wrap gap-1" aria-label={t('users_col_skills')}>
            {user.skills.map((skill) => (
              <li key={skill.name} className="flex items-center gap-1">
                <Badge variant="info">{t('users_skill_level', { name: skill.name, level: skill.level })}</Badge>
                <CertificationBadge skill={skill.name} validUntil={skill.valid_until} today={today} />
              </li>
            ))}
          </ul>
        ),
      },
      {
        id: 'tags',
        header: t('users_col_tags'),
        cell: ({ row: { original: user } }) => (
          <ul className="flex flex-wrap gap-1" aria-label={t('users_col_tags')}>
            {user.tags.map((tag) => (
              <li key={tag}>
                <Badge>{tag}</Badge>
              </li>
            ))}
          </ul>
        ),
      },
    ],
    [t, today],
  );
  // The API searches, sorts and pages: the table shows one page as it comes.
  const table = useDataTable({
    data: users.data?.items ?? NO_USERS,
    columns,
    getRowId: (user) => String(user.id),
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    pageCount: Math.max(1, Math.ceil((users.data?.total ?? 0) / PAGE_SIZE)),
    state: { sorting, pagination },
    onSortingChange: (updater) => {
      const next = functionalUpdate(updater, sorting);
      setSorting(next);
      setFilters({ ...filters, sort: apiSort(next), page: 1 });
    },
    onPaginationChange: (updater) => setFilters({ ...filters, page: functionalUpdate(updater, pagination).pageIndex + 1 }),
  });

  return (
    <div className="space-y-4">
      <form
        role="search"
        aria-label={t('users_search_label')}
        className="grid gap-3 rounded-lg border border-border bg-surface p-4 sm:grid-cols-2 lg:grid-cols-5"
        noValidate
        onSubmit={search.handleSubmit((values) => setFilters(toFilters(values, filters.sort)))}
      >
        <Field label={t('users_filter_q')} className="lg:col-span-2">
          {(control) => (
            <Input {...control} type="search" maxLength={200} {...search.register('q')} />
          )}
        </Field>
        <Field label={t('users_filter_skill')}>
          {(control) => (
            <Input {...control} maxLength={100} {...search.register('skill')} />
          )}
        </Field>
        <Field label={t('users_filter_tag')}>
          {(control) => (
            <Input {...control} maxLength={100} {...search.register('tag')} />
          )}
        </Field>
        <Field label={t('users_filter_employment')}>
          {(control) => (
            <Select
              {...control}
              {...search.register('employmentType', {
                // A type filters at once, with what is typed in the other fields.
                onChange: () => void search.handleSubmit((values) => setFilters(toFilters(values, filters.sort)))(),
              })}
            >
              <option value="">{t('users_filter_all')}</option>
              {EMPLOYMENT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(employmentKey(type))}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <div className="flex gap-2 sm:col-span-2 lg:col-span-5">
          <Button type="submit">{t('users_search_submit')}</Button>
          <Button
            variant="ghost"
            onClick={() => {
              search.reset(NO_SEARCH);
              setFilters({ sort: filters.sort, page: 1 });
            }}
          >
            {t('users_filter_reset')}
          </Button>
        </div>
      </form>

      {users.isPending ? (
        <Spinner label={t('users_loading')} />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.items.length === 0 ? (
        <EmptyState title={t('users_empty')} description={t('users_empty_hint')} />
      ) : (
        <div className="space-y-3">
          <p className="text-sm text-muted-foreground" aria-live="polite">
            {t('users_count', { count: users.data.total })}
          </p>
          <DataTable table={table} caption={t('users_title')} />
          <TablePagination table={table} />
        </div>
      )}
    </div>
  );
}

import { useState } from 'react';
import { Link } from 'react-router';

import { Badge } from '@/components/ui/badge/badge';
import { Button } from '@/components/ui/button/button';
import { EmptyState } from '@/components/ui/empty-state/empty-state';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { Select } from '@/components/ui/select/select';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import { useUsers, type UserFilters } from '@/features/users/api/list-users';
import { CertificationBadge } from '@/features/users/components/certification-badge';
import { EMPLOYMENT_TYPES, employmentKey, fullName } from '@/features/users/utils/employment';

const PAGE_SIZE = 50;

/** The crew directory: full-text search, skill / tag / employment type filters, pages of 50. */
export function UsersList() {
  const { t } = useLocale();
  const today = useDates().today();
  const [draft, setDraft] = useState<UserFilters>({});
  const [filters, setFilters] = useState<UserFilters>({ page: 1 });
  const users = useUsers(filters);

  return (
    <div className="space-y-4">
      <form
        role="search"
        aria-label={t('users_search_label')}
        className="grid gap-3 rounded-lg border border-border bg-surface p-4 sm:grid-cols-2 lg:grid-cols-5"
        onSubmit={(event) => {
          event.preventDefault();
          setFilters({ ...draft, page: 1 });
        }}
      >
        <Field label={t('users_filter_q')} className="lg:col-span-2">
          {(control) => (
            <Input {...control} type="search" value={draft.q ?? ''} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
          )}
        </Field>
        <Field label={t('users_filter_skill')}>
          {(control) => (
            <Input {...control} value={draft.skill ?? ''} onChange={(e) => setDraft({ ...draft, skill: e.target.value })} />
          )}
        </Field>
        <Field label={t('users_filter_tag')}>
          {(control) => (
            <Input {...control} value={draft.tag ?? ''} onChange={(e) => setDraft({ ...draft, tag: e.target.value })} />
          )}
        </Field>
        <Field label={t('users_filter_employment')}>
          {(control) => (
            <Select
              {...control}
              value={draft.employmentType ?? ''}
              onChange={(e) => {
                const next = { ...draft, employmentType: e.target.value || undefined };
                setDraft(next);
                setFilters({ ...next, page: 1 });
              }}
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
              setDraft({});
              setFilters({ page: 1 });
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
          <div className="relative overflow-x-auto rounded-lg border border-border bg-surface">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t('users_title')}</caption>
              <thead className="border-b border-border bg-muted/60 text-muted-foreground">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">{t('users_col_name')}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t('users_col_employment')}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t('users_col_skills')}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t('users_col_tags')}</th>
                </tr>
              </thead>
              <tbody>
                {users.data.items.map((user) => (
                  <tr key={user.id} className="border-b border-border last:border-0">
                    <th scope="row" className="px-4 py-3 text-left font-normal">
                      <Link
                        to={`/users/${user.id}`}
                        className="font-medium text-primary underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-ring"
                      >
                        {fullName(user)}
                      </Link>
                      {user.email ? <div className="text-muted-foreground">{user.email}</div> : null}
                    </th>
                    <td className="px-4 py-3">{t(employmentKey(user.employment_type))}</td>
                    <td className="px-4 py-3">
                      <ul className="flex flex-wrap gap-1" aria-label={t('users_col_skills')}>
                        {user.skills.map((skill) => (
                          <li key={skill.name} className="flex items-center gap-1">
                            <Badge variant="info">{t('users_skill_level', { name: skill.name, level: skill.level })}</Badge>
                            <CertificationBadge skill={skill.name} validUntil={skill.valid_until} today={today} />
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td className="px-4 py-3">
                      <ul className="flex flex-wrap gap-1" aria-label={t('users_col_tags')}>
                        {user.tags.map((tag) => (
                          <li key={tag}>
                            <Badge>{tag}</Badge>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {users.data.total > PAGE_SIZE ? (
            <nav aria-label={t('pagination_label')} className="flex items-center gap-3">
              <Button
                variant="secondary"
                size="sm"
                disabled={(filters.page ?? 1) <= 1}
                onClick={() => setFilters({ ...filters, page: (filters.page ?? 1) - 1 })}
              >
                {t('pagination_previous')}
              </Button>
              <span className="text-sm text-muted-foreground">
                {t('pagination_page', { page: filters.page ?? 1, pages: Math.ceil(users.data.total / PAGE_SIZE) })}
              </span>
              <Button
                variant="secondary"
                size="sm"
                disabled={(filters.page ?? 1) * PAGE_SIZE >= users.data.total}
                onClick={() => setFilters({ ...filters, page: (filters.page ?? 1) + 1 })}
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

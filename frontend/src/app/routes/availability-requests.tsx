import { useState } from 'react';
import { useNavigate } from 'react-router';

import { useSession } from '@/app/session-context';
import { Button } from '@/components/ui/button/button';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/lib/i18n/use-locale';
import { RequireAction } from '@/features/auth/components/require-action';
import { useUsers } from '@/features/users/api/list-users';
import { AvailabilityRequestForm } from '@/features/availability-requests/components/availability-request-form';
import { AvailabilityRequestList } from '@/features/availability-requests/components/availability-request-list';

/** Availability requests ("Doodle"): the list, and the form that sends a new one. */
export function AvailabilityRequestsRoute() {
  const { t } = useLocale();
  const { me, org } = useSession();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useState('');
  const users = useUsers({ q: search });
  const people = (users.data?.items ?? []).map((u) => ({ id: u.id, name: `${u.first_name} ${u.last_name}`.trim() }));
  useDocumentTitle(t('availability_requests_title'));
  return (
    <RequireAction actions={me.actions} action="availability_requests.manage">
      <div className="space-y-6">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <h1 className="text-2xl font-semibold">{t('availability_requests_title')}</h1>
            <p className="mt-1 text-muted-foreground">{t('availability_requests_subtitle')}</p>
          </div>
          {creating ? null : <Button onClick={() => setCreating(true)}>{t('availability_request_new')}</Button>}
        </div>
        {creating ? (
          <section aria-labelledby="new-request-title" className="rounded-lg border border-border bg-surface p-4">
            <h2 id="new-request-title" className="mb-4 text-lg font-semibold">
              {t('availability_request_new')}
            </h2>
            <AvailabilityRequestForm
              timeZone={org.timezone}
              people={people}
              search={search}
              onSearch={setSearch}
              onCreated={(request) => void navigate(`/availability-requests/${request.id}`)}
            />
          </section>
        ) : null}
        <AvailabilityRequestList />
      </div>
    </RequireAction>
  );
}

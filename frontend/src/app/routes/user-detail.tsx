import { Link, useParams } from 'react-router';

import { useSession } from '@/app/session-context';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/lib/i18n/use-locale';
import { can } from '@/lib/actions';
import { AvailabilityPanel } from '@/features/availability/components/availability-panel';
import { CalendarFeedPanel } from '@/features/calendar-feeds/components/calendar-feed-panel';
import { UserCalendarFeed } from '@/features/calendar-feeds/components/user-calendar-feed';
import { useUser } from '@/features/users/api/get-user';
import { UserAgenda } from '@/features/users/components/user-agenda';
import { EraseUserZone } from '@/features/users/components/erase-user-zone';
import { ExportDataButton } from '@/features/users/components/export-data-button';
import { UserProfile } from '@/features/users/components/user-profile';
import { fullName } from '@/features/users/utils/employment';

export function UserDetailRoute() {
  const { t } = useLocale();
  const { me } = useSession();
  const userId = Number(useParams().userId);
  const user = useUser(userId);
  useDocumentTitle(user.data ? fullName(user.data) : t('users_title'));
  const decides = can(me.actions, 'availability.approve');

  if (user.isPending) return <Spinner label={t('loading')} />;
  if (user.isError) return <ErrorState error={user.error} onRetry={() => void user.refetch()} />;
  const own = user.data.account_id === me.account.id;
  return (
    <div className="space-y-8">
      <div>
        <Link to="/users" className="text-sm text-primary underline-offset-4 hover:underline">
          {t('users_back')}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{fullName(user.data)}</h1>
      </div>
      <UserProfile
        user={user.data}
        canReadRates={can(me.actions, 'rates.read')}
        canEdit={can(me.actions, 'users.manage')}
        privateHidden={!own && !can(me.actions, 'private_data.read')}
      />
      <UserAgenda userId={userId} />
      <AvailabilityPanel
        userId={userId}
        canDecide={decides}
        canCreate={decides || (own && can(me.actions, 'availability.request_own'))}
      />
      {own && can(me.actions, 'calendar_feeds.own') ? (
        <CalendarFeedPanel target={{ kind: 'mine' }} />
      ) : can(me.actions, 'users.manage') ? (
        <UserCalendarFeed userId={userId} />
      ) : null}
      {can(me.actions, 'personal_data.export') && !user.data.erased_at ? (
        <section aria-labelledby="personal-data" className="space-y-2">
          <h2 id="personal-data" className="text-lg font-semibold">
            {t('privacy_data_title')}
          </h2>
          <ExportDataButton target={userId} label={t('privacy_export_button')} />
        </section>
      ) : null}
      {can(me.actions, 'personal_data.erase') && !own ? <EraseUserZone user={user.data} /> : null}
    </div>
  );
}

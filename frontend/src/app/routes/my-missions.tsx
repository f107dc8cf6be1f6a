import { useSession } from '@/app/session-context';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { can } from '@/lib/actions';
import { useLocale } from '@/lib/i18n/use-locale';
import { CalendarFeedPanel } from '@/features/calendar-feeds/components/calendar-feed-panel';
import { MyMissionsList } from '@/features/my-missions/components/my-missions-list';
import { MyOffers } from '@/features/open-shifts/components/my-offers';
import { MySwapsPanel } from '@/features/swaps/components/my-swaps-panel';
import { ProposeSwapButton } from '@/features/swaps/components/propose-swap-button';

export function MyMissionsRoute() {
  const { t } = useLocale();
  const { me } = useSession();
  useDocumentTitle(t('my_missions_title'));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('my_missions_title')}</h1>
        <p className="mt-1 text-muted-foreground">{t('my_missions_subtitle')}</p>
      </div>
      <MyOffers />
      {can(me.actions, 'swaps.own') ? <MySwapsPanel /> : null}
      <MyMissionsList
        renderAcceptedActions={
          can(me.actions, 'swaps.own')
            ? (assignment, title, notify) => (
                <ProposeSwapButton assignmentId={assignment.id} missionTitle={title} accountId={me.account.id} onSent={notify} />
              )
            : undefined
        }
      />
      {can(me.actions, 'calendar_feeds.own') ? <CalendarFeedPanel target={{ kind: 'mine' }} /> : null}
    </div>
  );
}

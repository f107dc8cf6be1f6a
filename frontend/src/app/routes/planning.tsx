import { useSearchParams } from 'react-router';

import { useSession } from '@/app/session-context';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { can } from '@/lib/actions';
import { useLocale } from '@/lib/i18n/use-locale';
import { AvailabilityHeatStrip } from '@/features/availability-requests/components/availability-heat-strip';
import { PlanningScreen } from '@/features/planning/components/planning-screen';
import { parseViewParam, PlanningStoreProvider } from '@/features/planning/stores/planning-store';

/**
 * /planning?date=2027-07-01&view=timeGridWeek&project=3&mission=12 opens the
 * calendar there (and the mission's panel; `heat=1`: with the availability heat strip);
 * a new link re-creates the screen.
 * Without a view, people who invite (managers) open on the crew timeline.
 */
export function PlanningRoute() {
  const { t } = useLocale();
  const { me } = useSession();
  const [params] = useSearchParams();
  useDocumentTitle(t('planning_title'));
  const canInvite = can(me.actions, 'assignments.manage');
  const view = parseViewParam(params.get('view'));
  const date = params.get('date');
  const project = Number(params.get('project')) || null;
  const mission = Number(params.get('mission')) || null;
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">{t('planning_title')}</h1>
      <PlanningStoreProvider
        key={params.toString()}
        init={{
          selectedMissionId: mission,
          view: view?.view ?? (canInvite ? 'timeline' : undefined),
          zoom: view?.zoom,
          initialDate: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null,
          filters: { projectId: project },
          heatOpen: params.get('heat') === '1',
        }}
      >
        <PlanningScreen
          canInvite={canInvite}
          canReschedule={can(me.actions, 'missions.manage')}
          availabilityStrip={
            can(me.actions, 'availability_requests.manage') ? (window) => <AvailabilityHeatStrip window={window} /> : undefined
          }
        />
      </PlanningStoreProvider>
    </div>
  );
}

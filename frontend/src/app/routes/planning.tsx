import { useSearchParams } from 'react-router';

import { useSession } from '@/app/session-context';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { can } from '@/lib/actions';
import { useLocale } from '@/lib/i18n/use-locale';
import { PlanningScreen } from '@/features/planning/components/planning-screen';
import { PLANNING_VIEWS, PlanningStoreProvider, type PlanningView } from '@/features/planning/stores/planning-store';

/**
 * /planning?date=2027-07-01&view=timeGridWeek&project=3&mission=12 opens the
 * calendar there (and the mission's panel); a new link re-creates the screen.
 */
export function PlanningRoute() {
  const { t } = useLocale();
  const { me } = useSession();
  const [params] = useSearchParams();
  useDocumentTitle(t('planning_title'));
  const view = params.get('view');
  const date = params.get('date');
  const project = Number(params.get('project')) || null;
  const mission = Number(params.get('mission')) || null;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t('planning_title')}</h1>
        <p className="mt-1 text-muted-foreground">{t('planning_subtitle')}</p>
      </div>
      <PlanningStoreProvider
        key={params.toString()}
        init={{
          selectedMissionId: mission,
          view: (PLANNING_VIEWS as readonly string[]).includes(view ?? '') ? (view as PlanningView) : undefined,
          initialDate: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null,
          filters: { projectId: project },
        }}
      >
        <PlanningScreen
          canInvite={can(me.actions, 'assignments.manage')}
          canReschedule={can(me.actions, 'missions.manage')}
        />
      </PlanningStoreProvider>
    </div>
  );
}

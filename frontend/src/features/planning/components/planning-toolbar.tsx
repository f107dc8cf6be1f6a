import { Button } from '@/components/ui/button/button';
import { Select } from '@/components/ui/select/select';
import { cn } from '@/lib/cn';
import { useLocale } from '@/lib/i18n/use-locale';
import { ASSIGNMENT_STATUSES } from '@/features/planning/api/get-planning';
import {
  PLANNING_VIEWS,
  TIMELINE_ROWS,
  TIMELINE_ZOOMS,
  usePlanningStore,
  type PlanningView,
  type TimelineRows,
  type TimelineZoom,
} from '@/features/planning/stores/planning-store';

export interface FilterOption {
  id: number;
  name: string;
}

const VIEW_KEYS = {
  timeline: 'planning_view_timeline',
  dayGridMonth: 'planning_view_month',
  timeGridWeek: 'planning_view_week',
  timeGridDay: 'planning_view_day',
} as const satisfies Record<PlanningView, string>;

/** An inline label and its control: one line each, so the whole toolbar stays one band. */
function Inline({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <label className="flex items-center gap-1.5 text-sm">
      <span className="text-muted-foreground">{label}</span>
      {children}
    </label>
  );
}

/** Shows and hides the availability heat strip `heatId` (the toolbar's, and the phone's). */
export function HeatToggle({ heatId }: { heatId: string }) {
  const { t } = useLocale();
  const heatOpen = usePlanningStore((s) => s.heatOpen);
  const toggleHeat = usePlanningStore((s) => s.toggleHeat);
  return (
    <Button size="sm" variant="secondary" aria-expanded={heatOpen} aria-controls={heatId} onClick={toggleHeat}>
      {t('planning_heat_toggle')}
    </Button>
  );
}

/**
 * The planning's one toolbar: view, timeline zoom and rows, status / person /
 * project / role filters, and the availability, legend and crew panel toggles.
 */
export function PlanningToolbar({
  users,
  projects,
  roles,
  crewPanelId,
  legendId,
  heatId,
  children,
}: {
  users: FilterOption[];
  projects: FilterOption[];
  roles: string[];
  /** The side panel the crew toggle shows and hides (absent when there is none). */
  crewPanelId?: string;
  legendId: string;
  /** The availability heat strip the toggle shows (absent: the caller may not read it). */
  heatId?: string;
  /** Shown at the end of the band (the live updates state). */
  children?: React.ReactNode;
}) {
  const { t } = useLocale();
  const view = usePlanningStore((s) => s.view);
  const setView = usePlanningStore((s) => s.setView);
  const zoom = usePlanningStore((s) => s.zoom);
  const setZoom = usePlanningStore((s) => s.setZoom);
  const rows = usePlanningStore((s) => s.rows);
  const setRows = usePlanningStore((s) => s.setRows);
  const filters = usePlanningStore((s) => s.filters);
  const setFilters = usePlanningStore((s) => s.setFilters);
  const toggleStatus = usePlanningStore((s) => s.toggleStatus);
  const legendOpen = usePlanningStore((s) => s.legendOpen);
  const toggleLegend = usePlanningStore((s) => s.toggleLegend);
  const crewPanelOpen = usePlanningStore((s) => s.crewPanelOpen);
  const toggleCrewPanel = usePlanningStore((s) => s.toggleCrewPanel);
  const toId = (value: string) => (value ? Number(value) : null);

  return (
    <div
      role="toolbar"
      aria-label={t('planning_toolbar')}
      className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-md border border-border bg-surface px-3 py-2"
    >
      <div role="group" aria-label={t('planning_view')} className="flex overflow-hidden rounded-md border border-border">
        {PLANNING_VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            aria-pressed={view === v}
            onClick={() => setView(v)}
            className={cn(
              'h-8 px-3 text-sm focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring',
              view === v ? 'bg-primary text-primary-foreground' : 'bg-surface hover:bg-muted',
            )}
          >
            {t(VIEW_KEYS[v])}
          </button>
        ))}
      </div>
      {view === 'timeline' ? (
        <>
          <Inline label={t('planning_zoom')}>
            <Select size="sm" width="auto" value={zoom} onChange={(e) => setZoom(e.target.value as TimelineZoom)}>
              {TIMELINE_ZOOMS.map((z) => (
                <option key={z} value={z}>
                  {t(`planning_zoom_${z}`)}
                </option>
              ))}
            </Select>
          </Inline>
          <Inline label={t('planning_resource_rows')}>
            <Select size="sm" width="auto" value={rows} onChange={(e) => setRows(e.target.value as TimelineRows)}>
              {TIMELINE_ROWS.map((r) => (
                <option key={r} value={r}>
                  {t(`planning_rows_${r}`)}
                </option>
              ))}
            </Select>
          </Inline>
        </>
      ) : null}
      <fieldset className="flex flex-wrap items-center gap-x-2.5 gap-y-1 text-sm">
        <legend className="float-left mr-1 text-muted-foreground">{t('planning_filter_status')}</legend>
        {ASSIGNMENT_STATUSES.map((status) => (
          <label key={status} className="flex items-center gap-1">
            <input
              type="checkbox"
              className="size-4 accent-primary"
              checked={filters.statuses.includes(status)}
              onChange={() => toggleStatus(status)}
            />
            {t(`planning_status_${status.toLowerCase()}` as 'planning_status_invited')}
          </label>
        ))}
      </fieldset>
      <Inline label={t('planning_filter_user')}>
        <Select size="sm" width="auto" className="max-w-40" value={filters.userId ?? ''} onChange={(e) => setFilters({ userId: toId(e.target.value) })}>
          <option value="">{t('planning_filter_all')}</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
      </Inline>
      <Inline label={t('planning_filter_project')}>
        <Select
          size="sm"
          width="auto"
          className="max-w-40"
          value={filters.projectId ?? ''}
          onChange={(e) => setFilters({ projectId: toId(e.target.value) })}
        >
          <option value="">{t('planning_filter_all')}</option>
          {projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Inline>
      <Inline label={t('planning_filter_role')}>
        <Select size="sm" width="auto" className="max-w-40" value={filters.role ?? ''} onChange={(e) => setFilters({ role: e.target.value || null })}>
          <option value="">{t('planning_filter_all')}</option>
          {roles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </Select>
      </Inline>
      <div className="ml-auto flex items-center gap-2">
        {children}
        {heatId ? <HeatToggle heatId={heatId} /> : null}
        <Button size="sm" variant="secondary" aria-expanded={legendOpen} aria-controls={legendId} onClick={toggleLegend}>
          {t('planning_legend_toggle')}
        </Button>
        {crewPanelId ? (
          <Button size="sm" variant="secondary" aria-expanded={crewPanelOpen} aria-controls={crewPanelId} onClick={toggleCrewPanel}>
            {t('planning_crew_panel_toggle')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

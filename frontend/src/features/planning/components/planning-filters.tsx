import { Select } from '@/components/ui/select/select';
import { useLocale } from '@/lib/i18n/use-locale';
import { ASSIGNMENT_STATUSES } from '@/features/planning/api/get-planning';
import { usePlanningStore, type ResourceMode } from '@/features/planning/stores/planning-store';

export interface FilterOption {
  id: number;
  name: string;
}

/** Filters by status, user, project and role; the resource timeline's row kind. */
export function PlanningFilters({
  users,
  projects,
  roles,
}: {
  users: FilterOption[];
  projects: FilterOption[];
  roles: string[];
}) {
  const { t } = useLocale();
  const filters = usePlanningStore((s) => s.filters);
  const setFilters = usePlanningStore((s) => s.setFilters);
  const toggleStatus = usePlanningStore((s) => s.toggleStatus);
  const resourceMode = usePlanningStore((s) => s.resourceMode);
  const setResourceMode = usePlanningStore((s) => s.setResourceMode);
  const toId = (value: string) => (value ? Number(value) : null);

  return (
    <div className="flex flex-wrap items-end gap-4">
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">{t('planning_filter_status')}</legend>
        <div className="flex flex-wrap gap-3">
          {ASSIGNMENT_STATUSES.map((status) => (
            <label key={status} className="flex items-center gap-1.5 text-sm">
              <input
                type="checkbox"
                className="size-4 accent-primary"
                checked={filters.statuses.includes(status)}
                onChange={() => toggleStatus(status)}
              />
              {t(`planning_status_${status.toLowerCase()}` as 'planning_status_invited')}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="space-y-1 text-sm font-medium">
        <span>{t('planning_filter_user')}</span>
        <Select size="sm" value={filters.userId ?? ''} onChange={(e) => setFilters({ userId: toId(e.target.value) })}>
          <option value="">{t('planning_filter_all')}</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
      </label>
      <label className="space-y-1 text-sm font-medium">
        <span>{t('planning_filter_project')}</span>
        <Select
          size="sm"
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
      </label>
      <label className="space-y-1 text-sm font-medium">
        <span>{t('planning_filter_role')}</span>
        <Select size="sm" value={filters.role ?? ''} onChange={(e) => setFilters({ role: e.target.value || null })}>
          <option value="">{t('planning_filter_all')}</option>
          {roles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </Select>
      </label>
      <label className="space-y-1 text-sm font-medium">
        <span>{t('planning_resource_rows')}</span>
        <Select size="sm" value={resourceMode} onChange={(e) => setResourceMode(e.target.value as ResourceMode)}>
          <option value="user">{t('planning_rows_user')}</option>
          <option value="project">{t('planning_rows_project')}</option>
        </Select>
      </label>
    </div>
  );
}

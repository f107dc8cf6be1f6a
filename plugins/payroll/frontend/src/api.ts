/**
 * The plugin's API calls (its routes under /api/v1/payroll/timesheets/, the core's
 * projects and session) and their query keys. Mutations invalidate the timesheet key.
 */
import { api, useMutation, useQuery, useQueryClient } from '@coulisses/plugin-ui';

const BASE = '/api/v1/payroll/timesheets';

export type TimesheetStatus = 'draft' | 'submitted' | 'validated';

export interface TimesheetLine {
  id: number;
  assignment_id: number;
  user_id: number;
  user_name: string;
  mission_id: number;
  mission_title: string;
  project_id: number;
  project_name: string;
  role_name: string;
  place: string;
  timezone: string;
  planned_start: string;
  planned_end: string;
  planned_minutes: number;
  actual_start: string | null;
  actual_end: string | null;
  break_minutes: number;
  actual_minutes: number | null;
  comment: string;
  status: TimesheetStatus;
  validated_by: number | null;
  validated_at: string | null;
  updated_by: number | null;
  updated_at: string;
  editable: boolean;
}

export interface TimesheetPage {
  items: TimesheetLine[];
  total: number;
  timezone: string;
  from_day: string | null;
  to_day: string | null;
}

export interface TimesheetValues {
  actual_start?: string | null;
  actual_end?: string | null;
  break_minutes?: number;
  comment?: string;
}

export interface TimesheetEvent {
  id: number;
  action: string;
  actor: number | null;
  at: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  reason: string | null;
}

export interface TimesheetFilters {
  /** `YYYY-MM-DD`; none: the last 7 days (the API's default). */
  day?: string;
  project?: number;
}

export const timesheetsQueryKey = ['payroll-timesheets'] as const;

function listPath({ day, project }: TimesheetFilters): string {
  const params = new URLSearchParams({ page_size: '200' });
  if (day) params.set('day', day);
  if (project) params.set('project', String(project));
  return `${BASE}/?${params.toString()}`;
}

export function useTimesheets(filters: TimesheetFilters) {
  return useQuery({
    queryKey: [...timesheetsQueryKey, filters],
    queryFn: () => api.get<TimesheetPage>(listPath(filters)),
    staleTime: 15_000,
  });
}

export function useTimesheetHistory(assignmentId: number, enabled: boolean) {
  return useQuery({
    queryKey: [...timesheetsQueryKey, 'history', assignmentId],
    queryFn: () => api.get<{ items: TimesheetEvent[] }>(`${BASE}/${assignmentId}/history?page_size=200`),
    enabled,
  });
}

/** The signed-in member's role in the active org (the page's view depends on it). */
export function useRole() {
  return useQuery({
    queryKey: ['payroll-me'],
    queryFn: async () => (await api.get<{ role: string | null }>('/api/v1/auth/me')).role ?? 'tech',
    staleTime: 60_000,
  });
}

export function useProjects(enabled: boolean) {
  return useQuery({
    queryKey: ['payroll-projects'],
    queryFn: () => api.get<{ items: { id: number; name: string }[] }>('/api/v1/projects?page_size=200&sort=name'),
    enabled,
    staleTime: 60_000,
  });
}

function useTimesheetMutation<T, R>(call: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSettled: () => queryClient.invalidateQueries({ queryKey: timesheetsQueryKey }),
  });
}

export function useUpdateTimesheet() {
  return useTimesheetMutation(({ assignmentId, values }: { assignmentId: number; values: TimesheetValues }) =>
    api.patch<TimesheetLine>(`${BASE}/${assignmentId}`, values),
  );
}

export function useValidateTimesheet() {
  return useTimesheetMutation((assignmentId: number) => api.post<TimesheetLine>(`${BASE}/${assignmentId}/validate`));
}

export function useCorrectTimesheet() {
  return useTimesheetMutation(
    ({ assignmentId, values, reason }: { assignmentId: number; values: TimesheetValues; reason: string }) =>
      api.post<TimesheetLine>(`${BASE}/${assignmentId}/correct`, { ...values, reason }),
  );
}

export function useValidateDay() {
  return useTimesheetMutation((selection: { day: string; project?: number }) =>
    api.post<{ validated: number; already_validated: number }>(`${BASE}/validate`, selection),
  );
}

// -- exports (/api/v1/payroll/exports/) ---------------------------------------------

const EXPORTS = '/api/v1/payroll/exports';

export type ExportKind = 'monthly_totals' | 'payroll_office' | 'statement';
export type ExportFormat = 'csv' | 'xlsx' | 'pdf';
export type ExportStatus = 'queued' | 'running' | 'done' | 'failed';

export interface PayrollExport {
  id: number;
  kind: ExportKind;
  format: ExportFormat;
  month: string;
  project_id: number | null;
  user_id: number | null;
  excel_fr: boolean;
  status: ExportStatus;
  progress: number;
  error_code: string | null;
  content_type: string;
  filename: string;
  size: number;
  created_by: number;
  created_at: string;
  finished_at: string | null;
  expires_at: string;
  expired: boolean;
  download_url: string | null;
}

export interface ExportAsk {
  kind: ExportKind;
  format: ExportFormat;
  /** `YYYY-MM` */
  month: string;
  project?: number;
  excel_fr?: boolean;
}

export const exportsQueryKey = ['payroll-exports'] as const;
/** How often the list is read again while an export is queued or running. */
export const EXPORT_POLL_MS = 2000;

export function isPending(item: PayrollExport): boolean {
  return item.status === 'queued' || item.status === 'running';
}

/** The member's recent exports (every export of the org for admins), newest first;
 * polled while one of them is not finished. */
export function useExports() {
  return useQuery({
    queryKey: exportsQueryKey,
    queryFn: () => api.get<{ items: PayrollExport[]; total: number }>(`${EXPORTS}/?page_size=20&sort=-created_at`),
    refetchInterval: (query) => (query.state.data?.items.some(isPending) ? EXPORT_POLL_MS : false),
  });
}

export function useCreateExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ask: ExportAsk) => api.post<PayrollExport>(`${EXPORTS}/`, ask),
    onSettled: () => queryClient.invalidateQueries({ queryKey: exportsQueryKey }),
  });
}

// -- intermittents and the employer's identity --------------------------------------

const INTERMITTENTS = '/api/v1/payroll/intermittents';
const IDENTITY = '/api/v1/payroll/identity';

export interface CountedAssignment {
  assignment_id: number;
  mission_id: number;
  mission_title: string;
  role_name: string;
  starts_at: string;
  ends_at: string;
  source: 'actual' | 'planned' | 'cachet';
  minutes: number;
}

export interface IntermittentCount {
  user_id: number;
  name: string;
  annexe: 8 | 10;
  as_of: string;
  from_day: string;
  to_day: string;
  worked_minutes: number;
  cachets: number;
  cachet_minutes: number;
  elsewhere_minutes: number;
  elsewhere_note: string;
  total_minutes: number;
  threshold_minutes: number;
  missing_minutes: number;
  reached: boolean;
  assignments: number;
  profile_updated_at: string | null;
  counted: CountedAssignment[] | null;
}

export interface IntermittentProfile {
  annexe: 8 | 10;
  elsewhere_minutes: number;
  elsewhere_note: string;
}

export interface Licence {
  category: 1 | 2 | 3;
  number: string;
}

export interface EmployerIdentity {
  legal_name: string;
  address: string;
  siret: string | null;
  siren: string | null;
  ape: string | null;
  idcc: string | null;
  licences: Licence[];
  guso: boolean;
  missing: string[];
  updated_by: number | null;
  updated_at: string | null;
}

export type IdentityValues = Omit<EmployerIdentity, 'siren' | 'missing' | 'updated_by' | 'updated_at'>;

export const intermittentsQueryKey = ['payroll-intermittents'] as const;
export const identityQueryKey = ['payroll-identity'] as const;

/** Every intermittent's count on `asOf` (`YYYY-MM-DD`, none: today), shortest of the
 * threshold first; `shortOnly` keeps those who have not reached it. */
export function useIntermittents(asOf: string, shortOnly: boolean) {
  return useQuery({
    queryKey: [...intermittentsQueryKey, asOf, shortOnly],
    queryFn: () => {
      const params = new URLSearchParams({ page_size: '200' });
      if (asOf) params.set('as_of', asOf);
      if (shortOnly) params.set('short', 'true');
      return api.get<{ items: IntermittentCount[]; total: number; as_of: string }>(`${INTERMITTENTS}/?${params.toString()}`);
    },
    staleTime: 15_000,
  });
}

/** One intermittent's count with the assignments it counts. */
export function useIntermittent(userId: number, asOf: string, enabled: boolean) {
  return useQuery({
    queryKey: [...intermittentsQueryKey, 'one', userId, asOf],
    queryFn: () => api.get<IntermittentCount>(`${INTERMITTENTS}/${userId}${asOf ? `?as_of=${asOf}` : ''}`),
    enabled,
  });
}

export function useUpdateIntermittent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, profile }: { userId: number; profile: IntermittentProfile }) =>
      api.put<IntermittentCount>(`${INTERMITTENTS}/${userId}`, profile),
    onSettled: () => queryClient.invalidateQueries({ queryKey: intermittentsQueryKey }),
  });
}

/** What the AEM and the CDDU contract print about the employee beside name and NIR. */
export interface CivilStatusValues {
  birth_name: string;
  birth_date: string | null;
  birth_place: string;
  nationality: string;
  address: string;
}

export interface CivilStatus extends CivilStatusValues {
  user_id: number;
  /** What the AEM still needs (birth_date, birth_place, address). */
  missing: string[];
}

export function useCivilStatus(userId: number) {
  return useQuery({
    queryKey: [...intermittentsQueryKey, 'civil', userId],
    queryFn: () => api.get<CivilStatus>(`${INTERMITTENTS}/${userId}/civil-status`),
  });
}

export function useSaveCivilStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, values }: { userId: number; values: CivilStatusValues }) =>
      api.put<CivilStatus>(`${INTERMITTENTS}/${userId}/civil-status`, values),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: intermittentsQueryKey });
      void queryClient.invalidateQueries({ queryKey: ['payroll-aem'] });
    },
  });
}

export function useIdentity(enabled: boolean) {
  return useQuery({
    queryKey: identityQueryKey,
    queryFn: () => api.get<EmployerIdentity>(IDENTITY),
    enabled,
  });
}

export function useSaveIdentity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: IdentityValues) => api.put<EmployerIdentity>(IDENTITY, values),
    onSuccess: (saved) => queryClient.setQueryData(identityQueryKey, saved),
  });
}

// -- CDDU contracts, AEM and Conges Spectacles -------------------------------------------

const AEM = '/api/v1/payroll/aem';

/** The link to an engagement's CDDU contract PDF (a 409 while mandatory data is missing). */
export function contractUrl(engagement: { user_id: number; project_id: number; first_day: string }): string {
  const params = new URLSearchParams({
    user: String(engagement.user_id),
    project: String(engagement.project_id),
    first_day: engagement.first_day,
  });
  return `/api/v1/payroll/engagements/contract.pdf?${params.toString()}`;
}

/** The link to a month's AEM file: CSV (Excel FR) or the summary PDF. */
export function aemFileUrl(month: string, format: 'csv' | 'pdf'): string {
  return `${AEM}/file?${new URLSearchParams({ month, format }).toString()}`;
}

/** One AEM line: an intermittent x a CDDU x a month, with its Conges Spectacles base. */
export interface AemRow {
  user_id: number;
  name: string;
  /** The social security number recorded on the person; null when missing. */
  nir: string | null;
  birth_date: string | null;
  birth_place: string;
  /** What the AEM still needs of the civil status (empty: complete). */
  civil_missing: string[];
  project_id: number;
  project_name: string;
  numero_objet: string | null;
  job: string;
  annexe: number;
  contract_start: string;
  contract_end: string;
  ongoing: boolean;
  hours_minutes: number;
  cachets: number;
  days_worked: number;
  gross_cents: number;
  currency: string;
  aem_type: string;
  cs_base_cents: number;
  cs_rate_pct: string;
  cs_contribution_cents: number;
}

export function useAem(month: string, enabled: boolean) {
  return useQuery({
    queryKey: ['payroll-aem', month],
    queryFn: () => api.get<{ month: string; employer_missing: string[]; rows: AemRow[] }>(`${AEM}?month=${month}`),
    enabled: enabled && /^\d{4}-\d{2}$/.test(month),
  });
}

// -- engagements (CDDU) and DPAE -------------------------------------------------------

export type DpaeStatus = 'not_yet_open' | 'to_declare' | 'overdue' | 'declared';

export interface Engagement {
  user_id: number;
  name: string;
  project_id: number;
  project_name: string;
  first_day: string;
  last_day: string;
  first_start: string;
  last_end: string;
  missions: number;
  assignment_ids: number[];
  planned_minutes: number;
  dpae: {
    status: DpaeStatus;
    opens_at: string;
    due_at: string;
    id: number | null;
    declared_on: string | null;
    reference: string | null;
  };
}

export interface DpaeRecord {
  user: number;
  project: number;
  first_day: string;
  reference?: string;
  declared_on?: string;
}

export const engagementsQueryKey = ['payroll-engagements'] as const;

/** The engagements around today (the API's default window), or only one DPAE status. */
export function useEngagements(status: DpaeStatus | '', enabled = true) {
  return useQuery({
    queryKey: [...engagementsQueryKey, status],
    queryFn: () =>
      api.get<{ items: Engagement[]; total: number; from_day: string; to_day: string }>(
        `/api/v1/payroll/engagements?page_size=200${status ? `&dpae=${status}` : ''}`,
      ),
    enabled,
    staleTime: 15_000,
  });
}

function useEngagementMutation<T, R>(call: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSettled: () => queryClient.invalidateQueries({ queryKey: engagementsQueryKey }),
  });
}

export function useDeclareDpae() {
  return useEngagementMutation((record: DpaeRecord) => api.post<Engagement>('/api/v1/payroll/dpae', record));
}

export function useRemoveDpae() {
  return useEngagementMutation((id: number) => api.delete<null>(`/api/v1/payroll/dpae/${id}`));
}

// -- the monthly report (Comptabilite) -------------------------------------------------

export const LINE_KINDS = ['base', 'night', 'sunday', 'holiday', 'may_1', 'minimum_call', 'meal', 'overtime'] as const;
export type LineKind = (typeof LINE_KINDS)[number];

type KindCents = { [K in LineKind as `${K}_cents`]: number };

/** The premium kinds whose minutes the report gives (`night_minutes`...). */
export const HOUR_KINDS = ['night', 'sunday', 'holiday', 'overtime'] as const;
export type HourKind = (typeof HOUR_KINDS)[number];
type KindMinutes = { [K in HourKind as `${K}_minutes`]: number };

export interface MonthlyFigures extends KindCents, KindMinutes {
  currency: string;
  planned_minutes: number;
  confirmed_minutes: number;
  actual_minutes: number;
  missing_rate: number;
  cachets: number;
  gross_cents: number;
}

export interface ProjectAmount {
  project_id: number;
  name: string;
  gross_cents: number;
}

export interface MonthlyRow extends MonthlyFigures {
  user_id: number;
  name: string;
  employment_type: string;
  projects: ProjectAmount[];
}

/** The core's employment types, the report's `employment_type` filter. */
export const EMPLOYMENT_TYPES = ['CDI', 'CDD', 'Intermittent', 'Freelance'] as const;

export interface MonthlyReport {
  items: MonthlyRow[];
  total: number;
  month: string;
  timezone: string;
  totals: MonthlyFigures[];
}

export interface PayLine {
  kind: LineKind;
  assignment_id: number | null;
  week_start: string | null;
  tier: number | null;
  minutes: number;
  unit: 'hour' | 'cachet' | 'day' | 'meal';
  quantity: string;
  rate_cents: number;
  premium_pct: string | null;
  amount_cents: number;
  currency: string;
  source: 'actual' | 'planned' | null;
  rule_set: { profile: string; employment_type: string; effective_from: string; label: string };
  explanation: {
    formula: string;
    values: Record<string, string>;
    exact_cents: string;
    periods: { start: string; end: string; minutes: number; timezone: string; local_start: string }[];
    sources: Record<string, string>;
    times?: { source: 'actual' | 'planned'; start: string; end: string; break_minutes: number };
  };
}

export interface PersonMonth {
  user_id: number;
  name: string;
  month: string;
  timezone: string;
  planned_minutes: number;
  confirmed_minutes: number;
  actual_minutes: number;
  missing_rate: number;
  totals: Record<string, number>;
  lines: PayLine[];
}

export const reportQueryKey = ['payroll-report'] as const;

export function useMonthlyReport(month: string, project: string, employmentType = '') {
  return useQuery({
    queryKey: [...reportQueryKey, month, project, employmentType],
    queryFn: () => {
      const params = new URLSearchParams({ month, page_size: '200' });
      if (project) params.set('project', project);
      if (employmentType) params.set('employment_type', employmentType);
      return api.get<MonthlyReport>(`/api/v1/payroll/reports/monthly?${params.toString()}`);
    },
    enabled: /^\d{4}-\d{2}$/.test(month),
  });
}

export function usePersonMonth(userId: number | null, month: string, project: string) {
  return useQuery({
    queryKey: [...reportQueryKey, 'person', userId, month, project],
    queryFn: () => {
      const params = new URLSearchParams({ month });
      if (project) params.set('project', project);
      return api.get<PersonMonth>(`/api/v1/payroll/reports/monthly/${userId}?${params.toString()}`);
    },
    enabled: userId !== null,
  });
}

// -- projects' numero d'objet -----------------------------------------------------------

export interface ProjectIdentity {
  project_id: number;
  numero_objet: string | null;
}

export const projectIdentitiesQueryKey = ['payroll-project-identities'] as const;

/** project id -> its numero d'objet (the projects that have one). */
export function useProjectIdentities(enabled: boolean) {
  return useQuery({
    queryKey: projectIdentitiesQueryKey,
    queryFn: async () => {
      const page = await api.get<{ items: ProjectIdentity[] }>('/api/v1/payroll/projects/identity?page_size=200');
      return new Map(page.items.map((item) => [item.project_id, item.numero_objet ?? '']));
    },
    enabled,
  });
}

export function useSaveProjectIdentity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ projectId, numero }: { projectId: number; numero: string }) =>
      api.put<ProjectIdentity>(`/api/v1/payroll/projects/${projectId}/identity`, { numero_objet: numero.trim() || null }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: projectIdentitiesQueryKey }),
  });
}

// -- per-project recap and budgets ------------------------------------------------------

export interface ProjectRecapRow {
  project_id: number;
  name: string;
  currency: string;
  planned_minutes: number;
  confirmed_minutes: number;
  actual_minutes: number;
  missing_rate: number;
  gross_cents: number;
  forecast_cents: number;
  forecast_from: string;
  forecast_to: string;
  budget_cents: number | null;
  margin_cents: number | null;
  over_budget: boolean;
}

export interface ProjectRecap {
  items: ProjectRecapRow[];
  total: number;
  month: string;
  timezone: string;
  totals: { currency: string; planned_minutes: number; confirmed_minutes: number; actual_minutes: number; gross_cents: number }[];
}

export interface ProjectBudget {
  project_id: number;
  amount_cents: number | null;
  currency: string | null;
}

export const recapQueryKey = ['payroll-project-recap'] as const;

export function useProjectRecap(month: string) {
  return useQuery({
    queryKey: [...recapQueryKey, month],
    queryFn: () => api.get<ProjectRecap>(`/api/v1/payroll/reports/projects?${new URLSearchParams({ month, page_size: '200' }).toString()}`),
    enabled: /^\d{4}-\d{2}$/.test(month),
  });
}

/** Set a project's budget (`amountCents` null clears it); the recap is read again. */
export function useSaveBudget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ projectId, amountCents, currency }: { projectId: number; amountCents: number | null; currency: string }) =>
      api.put<ProjectBudget>(`/api/v1/payroll/projects/${projectId}/budget`, { amount_cents: amountCents, currency }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: recapQueryKey }),
  });
}

/**
 * The accounting page (`/plugins/payroll/accounting`, managers and above): the month's
 * totals per person from the monthly report (hours, cachets, premium hours, gross by line
 * kind and by project, a totals row per currency), sortable by any column, with a column
 * chooser, project and contract type filters and export buttons (queued as jobs, followed on
 * the exports page). A person's row opens their pay lines, each with "how this was
 * computed": formula, values, rule version, times paid, rounding. Below, the "Par projet"
 * recap: each project's month, its forecast against its budget (editable), the margin and
 * an alert when the forecast passes the budget.
 */
import {
  Alert,
  Button,
  Card,
  CardDescription,
  CardTitle,
  DataTable,
  EmptyState,
  ErrorState,
  Field,
  Input,
  Link,
  Spinner,
  useDataTable,
  useDates,
  type ColumnDef,
  type Row,
  type SortingState,
} from '@coulisses/plugin-ui';
import { useMemo, useState } from 'react';

import {
  EMPLOYMENT_TYPES,
  HOUR_KINDS,
  LINE_KINDS,
  useCreateExport,
  useMonthlyReport,
  usePersonMonth,
  useProjectRecap,
  useProjects,
  useRole,
  useSaveBudget,
  type ExportAsk,
  type MonthlyFigures,
  type MonthlyRow,
  type PayLine,
  type ProjectRecapRow,
} from './api';
import { text, type TextKey } from './catalog';
import { count, decimal, hoursOf, money, numberLocale } from './numbers';
import { useText } from './texts';

const SELECT = 'h-10 w-full rounded-md border border-border bg-surface px-3 text-sm';
const EXPORTS_PAGE = '/plugins/payroll/exports';
const NO_ROWS: MonthlyRow[] = [];

type Column = {
  key: string;
  label: TextKey;
  /** The row's value, for sorting and display. */
  value: (row: MonthlyFigures & Partial<MonthlyRow>) => number | string;
  kind: 'text' | 'hours' | 'money' | 'count';
  optional: boolean;
};

/** "Festival 170,00 EUR; Tour 40,00 EUR": a person's gross by project. */
function byProject(row: Partial<MonthlyRow>, currency: string, locale: string): string {
  return (row.projects ?? []).map((p) => `${p.name} ${money(p.gross_cents, currency, locale)}`).join(' ; ');
}

const COLUMNS: Column[] = [
  { key: 'name', label: 'col_person', value: (row) => row.name ?? '', kind: 'text', optional: false },
  { key: 'employment_type', label: 'col_type', value: (row) => row.employment_type ?? '', kind: 'text', optional: true },
  { key: 'planned_minutes', label: 'col_planned_hours', value: (row) => row.planned_minutes, kind: 'hours', optional: true },
  { key: 'confirmed_minutes', label: 'col_confirmed_hours', value: (row) => row.confirmed_minutes, kind: 'hours', optional: true },
  { key: 'actual_minutes', label: 'col_actual_hours', value: (row) => row.actual_minutes, kind: 'hours', optional: true },
  { key: 'cachets', label: 'col_cachets_count', value: (row) => row.cachets, kind: 'count', optional: true },
  ...HOUR_KINDS.map(
    (kind): Column => ({ key: `${kind}_minutes`, label: `col_${kind}_hours` as TextKey, value: (row) => row[`${kind}_minutes`], kind: 'hours', optional: true }),
  ),
  ...LINE_KINDS.map(
    (kind): Column => ({ key: `${kind}_cents`, label: `line_${kind}` as TextKey, value: (row) => row[`${kind}_cents`], kind: 'money', optional: true }),
  ),
  { key: 'projects', label: 'col_by_project', value: (row) => (row.projects ?? []).map((p) => p.name).join(' ; '), kind: 'text', optional: true },
  { key: 'gross_cents', label: 'col_gross', value: (row) => row.gross_cents, kind: 'money', optional: false },
];
/** Shown until the member chooses: hours confirmed, cachets, night and Sunday hours, base,
 * the premiums, gross. */
const DEFAULT_HIDDEN = new Set([
  'employment_type',
  'planned_minutes',
  'actual_minutes',
  'holiday_minutes',
  'overtime_minutes',
  'minimum_call_cents',
  'meal_cents',
  'projects',
]);

const EXPORTS: { label: TextKey; ask: Pick<ExportAsk, 'kind' | 'format'> }[] = [
  { label: 'export_totals_csv', ask: { kind: 'monthly_totals', format: 'csv' } },
  { label: 'export_totals_xlsx', ask: { kind: 'monthly_totals', format: 'xlsx' } },
  { label: 'export_statements_pdf', ask: { kind: 'statement', format: 'pdf' } },
  { label: 'export_office_csv', ask: { kind: 'payroll_office', format: 'csv' } },
];

function thisMonth(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}


/** A formula of the engine with its names in the member's words (`minutes / 60 x ...`). */
export function formulaText(locale: string, formula: string): string {
  return formula.replace(/[a-z][a-z0-9_]*/g, (name) => {
    const key = `value_${name}` as TextKey;
    const worded = text(locale, key);
    return worded === key ? name : worded;
  });
}

/** The catalog's words for `key`, else `fallback` (a code the catalog does not know yet). */
function labelOr(locale: string, key: string, fallback: string): string {
  const worded = text(locale, key as TextKey);
  return worded === key ? fallback : worded;
}

function cell(column: Column, row: MonthlyFigures & Partial<MonthlyRow>, locale: string): string {
  const value = column.value(row);
  if (column.key === 'projects') return byProject(row, row.currency, locale);
  if (column.kind === 'money') return money(Number(value), row.currency, locale);
  if (column.kind === 'hours') return hoursOf(Number(value), locale);
  if (column.kind === 'count') return count(Number(value), locale);
  return String(value);
}

function LineDate({ line, timezone }: { line: PayLine; timezone: string }) {
  const { t, locale } = useText();
  const { formatDate } = useDates();
  if (line.week_start) return <>{t('accounting_week_of', { date: formatDate(line.week_start) })}</>;
  const first = line.explanation.periods[0];
  const start = line.explanation.times?.start ?? first?.start;
  if (!start) return <>{t('source_none')}</>;
  return <>{new Date(start).toLocaleDateString(numberLocale(locale), { timeZone: first?.timezone ?? timezone, day: 'numeric', month: 'short', weekday: 'short' })}</>;
}

function How({ line }: { line: PayLine }) {
  const { t, locale } = useText();
  const { formatDate, formatDateTime } = useDates();
  const { explanation, rule_set: rules } = line;
  const times = explanation.times;
  return (
    <div className="space-y-2 rounded-md bg-muted/30 p-3 text-sm">
      <p>
        <span className="font-medium">{t('accounting_formula')} : </span>
        <code>{formulaText(locale, explanation.formula)}</code>
      </p>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-2">
        {Object.entries(explanation.values).map(([name, value]) => (
          <div key={name} className="flex justify-between gap-2">
            <dt className="text-muted-foreground">{formulaText(locale, name)}</dt>
            <dd className="font-mono">{value}</dd>
          </div>
        ))}
      </dl>
      {times && (
        <p>
          {times.source === 'actual' ? t('accounting_times_actual', { breaks: times.break_minutes }) : t('accounting_times_planned')} :{' '}
          {formatDateTime(times.start)} {'\u2013'} {formatDateTime(times.end)}
        </p>
      )}
      <p>
        {t('accounting_rules', {
          profile: labelOr(locale, `profile_${rules.profile}`, rules.profile),
          employment: labelOr(locale, `employment_${rules.employment_type}`, rules.employment_type),
          date: formatDate(rules.effective_from),
        })}
      </p>
      <p>{t('accounting_exact', { cents: explanation.exact_cents })}</p>
      <p className="text-muted-foreground">{t('accounting_rounding')}</p>
    </div>
  );
}

function LineRow({ line, timezone }: { line: PayLine; timezone: string }) {
  const { t, locale } = useText();
  const [open, setOpen] = useState(false);
  const kind = t(`line_${line.kind}` as TextKey);
  const quantity = decimal(Number(line.quantity), locale);
  return (
    <>
      <tr className="border-b border-border">
        <td className="py-1 pr-3 whitespace-nowrap">
          <LineDate line={line} timezone={timezone} />
        </td>
        <td className="py-1 pr-3">{kind}</td>
        <td className="py-1 pr-3 whitespace-nowrap">{t(`unit_${line.unit}` as TextKey, { quantity })}</td>
        <td className="py-1 pr-3 text-right whitespace-nowrap">{money(line.rate_cents, line.currency, locale)}</td>
        <td className="py-1 pr-3 text-right">{line.premium_pct ? `${line.premium_pct} %` : t('source_none')}</td>
        <td className="py-1 pr-3">{line.source ? t(`source_${line.source}` as TextKey) : t('source_none')}</td>
        <td className="py-1 pr-3 text-right font-medium whitespace-nowrap">{money(line.amount_cents, line.currency, locale)}</td>
        <td className="py-1">
          <Button size="sm" variant="link" aria-expanded={open} onClick={() => setOpen((value) => !value)}>
            {t('accounting_how')}
          </Button>
        </td>
      </tr>
      {open && (
        <tr>
          <td colSpan={8} className="pb-3">
            <How line={line} />
          </td>
        </tr>
      )}
    </>
  );
}

function PersonDetail({ row, month, project, onClose }: { row: MonthlyRow; month: string; project: string; onClose: () => void }) {
  const { t, locale } = useText();
  const person = usePersonMonth(row.user_id, month, project);
  const title = t('accounting_detail_of', { name: row.name });
  return (
    <Card className="space-y-3" aria-label={title} role="region">
      <div className="flex items-center justify-between gap-2">
        <CardTitle>{title}</CardTitle>
        <Button size="sm" variant="ghost" onClick={onClose}>
          {t('accounting_close')}
        </Button>
      </div>
      {person.isPending ? (
        <Spinner label={t('accounting_loading')} />
      ) : person.isError ? (
        <ErrorState error={person.error} onRetry={() => void person.refetch()} />
      ) : (
        <>
          <p className="text-sm">
            {Object.entries(person.data.totals)
              .map(([currency, cents]) => `${t('col_gross')} : ${money(cents, currency, locale)}`)
              .join(' \u00b7 ')}
          </p>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{title}</caption>
              <thead>
                <tr className="border-b border-border text-muted-foreground">
                  <th className="py-1 pr-3">{t('col_date')}</th>
                  <th className="py-1 pr-3">{t('col_kind')}</th>
                  <th className="py-1 pr-3">{t('col_quantity')}</th>
                  <th className="py-1 pr-3 text-right">{t('col_rate')}</th>
                  <th className="py-1 pr-3 text-right">{t('col_premium')}</th>
                  <th className="py-1 pr-3">{t('col_times')}</th>
                  <th className="py-1 pr-3 text-right">{t('col_amount')}</th>
                  <th className="py-1">
                    <span className="sr-only">{t('accounting_how')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {person.data.lines.map((line, index) => (
                  <LineRow key={`${line.kind}-${line.assignment_id ?? line.week_start}-${index}`} line={line} timezone={person.data.timezone} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Card>
  );
}

/** Cents from what a member typed ("12 000,50", "12000.5"); null for empty, NaN if invalid. */
export function parseCents(typed: string): number | null {
  const cleaned = typed.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (cleaned === '') return null;
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return Number.NaN;
  const [units, decimals = ''] = cleaned.split('.');
  return Number(units) * 100 + Number(decimals.padEnd(2, '0'));
}

function BudgetEditor({ row }: { row: ProjectRecapRow }) {
  const { t, tError } = useText();
  const save = useSaveBudget();
  const [typed, setTyped] = useState(row.budget_cents === null ? '' : (row.budget_cents / 100).toFixed(2).replace('.', ','));
  const cents = parseCents(typed);
  const invalid = Number.isNaN(cents);
  const label = t('recap_budget_of', { name: row.name, currency: row.currency });
  return (
    <form
      className="flex items-center gap-1"
      onSubmit={(event) => {
        event.preventDefault();
        if (!invalid) save.mutate({ projectId: row.project_id, amountCents: cents, currency: row.currency });
      }}
    >
      <Input aria-label={label} aria-invalid={invalid} className="h-8 w-28 text-right" inputMode="decimal" value={typed} onChange={(event) => setTyped(event.target.value)} />
      <Button size="sm" variant="secondary" type="submit" disabled={invalid || save.isPending}>
        {t('recap_save_budget')}
      </Button>
      {invalid && <span className="text-xs text-danger">{t('recap_budget_invalid')}</span>}
      {save.isError && <span className="text-xs text-danger">{tError(save.error)}</span>}
      {save.isSuccess && <span className="sr-only" role="status">{t('recap_budget_saved')}</span>}
    </form>
  );
}

function ProjectRecap({ month, canEdit }: { month: string; canEdit: boolean }) {
  const { t, locale } = useText();
  const recap = useProjectRecap(month);
  const title = t('recap_title');
  return (
    <Card className="space-y-3">
      <CardTitle>{title}</CardTitle>
      <CardDescription>{t('recap_hint')}</CardDescription>
      {recap.isPending ? (
        <Spinner label={t('recap_loading')} />
      ) : recap.isError ? (
        <ErrorState error={recap.error} onRetry={() => void recap.refetch()} />
      ) : recap.data.items.length === 0 ? (
        <EmptyState title={t('recap_empty')} />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr className="border-b border-border text-muted-foreground">
                <th scope="col" className="py-2 pr-3">{t('project')}</th>
                <th scope="col" className="py-2 pr-3 text-right">{t('col_planned_hours')}</th>
                <th scope="col" className="py-2 pr-3 text-right">{t('col_confirmed_hours')}</th>
                <th scope="col" className="py-2 pr-3 text-right">{t('col_gross')}</th>
                <th scope="col" className="py-2 pr-3 text-right">{t('col_forecast')}</th>
                <th scope="col" className="py-2 pr-3">{t('col_budget')}</th>
                <th scope="col" className="py-2 pr-3 text-right">{t('col_margin')}</th>
              </tr>
            </thead>
            <tbody>
              {recap.data.items.map((row) => (
                <tr key={`${row.project_id}-${row.currency}`} className="border-b border-border">
                  <th scope="row" className="py-2 pr-3 text-left font-normal">
                    {row.name}
                    {row.over_budget && (
                      <p className="text-xs font-medium text-danger" role="alert">
                        {t('recap_over_budget')}
                      </p>
                    )}
                  </th>
                  <td className="py-2 pr-3 text-right whitespace-nowrap">{hoursOf(row.planned_minutes, locale)}</td>
                  <td className="py-2 pr-3 text-right whitespace-nowrap">{hoursOf(row.confirmed_minutes, locale)}</td>
                  <td className="py-2 pr-3 text-right whitespace-nowrap">{money(row.gross_cents, row.currency, locale)}</td>
                  <td className="py-2 pr-3 text-right whitespace-nowrap">
                    {money(row.forecast_cents, row.currency, locale)}
                    {row.forecast_from !== row.forecast_to && (
                      <p className="text-xs text-muted-foreground">{t('recap_forecast_months', { from: row.forecast_from, to: row.forecast_to })}</p>
                    )}
                  </td>
                  <td className="py-2 pr-3 whitespace-nowrap">
                    {canEdit ? <BudgetEditor row={row} /> : row.budget_cents === null ? t('recap_no_budget') : money(row.budget_cents, row.currency, locale)}
                  </td>
                  <td className={`py-2 pr-3 text-right whitespace-nowrap ${row.over_budget ? 'font-medium text-danger' : ''}`}>
                    {row.margin_cents === null ? t('source_none') : money(row.margin_cents, row.currency, locale)}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              {recap.data.totals.map((total) => (
                <tr key={total.currency} className="font-semibold">
                  <th scope="row" className="py-2 pr-3 text-left">{t('totals_row', { currency: total.currency })}</th>
                  <td className="py-2 pr-3 text-right whitespace-nowrap">{hoursOf(total.planned_minutes, locale)}</td>
                  <td className="py-2 pr-3 text-right whitespace-nowrap">{hoursOf(total.confirmed_minutes, locale)}</td>
                  <td className="py-2 pr-3 text-right whitespace-nowrap">{money(total.gross_cents, total.currency, locale)}</td>
                  <td colSpan={3} />
                </tr>
              ))}
            </tfoot>
          </table>
        </div>
      )}
    </Card>
  );
}

function ColumnChooser({ hidden, onToggle }: { hidden: Set<string>; onToggle: (key: string) => void }) {
  const { t } = useText();
  return (
    <details className="text-sm">
      <summary className="cursor-pointer">{t('accounting_columns')}</summary>
      <fieldset className="mt-2 grid grid-cols-2 gap-1 sm:grid-cols-4">
        <legend className="sr-only">{t('accounting_columns')}</legend>
        {COLUMNS.filter((column) => column.optional).map((column) => (
          <label key={column.key} className="flex items-center gap-2">
            <input type="checkbox" checked={!hidden.has(column.key)} onChange={() => onToggle(column.key)} />
            {t(column.label)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

export default function AccountingPage() {
  const { t, tError, locale } = useText();
  const [month, setMonth] = useState(thisMonth);
  const [project, setProject] = useState('');
  const [employmentType, setEmploymentType] = useState('');
  const [hidden, setHidden] = useState<Set<string>>(() => new Set(DEFAULT_HIDDEN));
  const [sorting, setSorting] = useState<SortingState>([{ id: 'name', desc: false }]);
  const [chosen, setChosen] = useState<MonthlyRow | null>(null);
  const projects = useProjects(true);
  const report = useMonthlyReport(month, project, employmentType);
  const create = useCreateExport();
  const role = useRole();
  const canEdit = role.data !== undefined && role.data !== 'tech';

  const chosenId = chosen?.user_id;
  const columns = useMemo<ColumnDef<MonthlyRow>[]>(
    () =>
      COLUMNS.map((column): ColumnDef<MonthlyRow> => {
        const base = {
          id: column.key,
          accessorFn: column.value,
          header: text(locale, column.label),
          // Names and projects in the member's alphabet; numbers from the largest first.
          sortingFn:
            column.kind === 'text'
              ? (a: Row<MonthlyRow>, b: Row<MonthlyRow>, id: string) => String(a.getValue(id)).localeCompare(String(b.getValue(id)), locale)
              : ('basic' as const),
          sortDescFirst: column.kind !== 'text',
        };
        if (column.key === 'name') {
          return {
            ...base,
            meta: { rowHeader: true },
            cell: ({ row: { original: row } }) => (
              <>
                <Button size="sm" variant="link" aria-expanded={chosenId === row.user_id} onClick={() => setChosen(row)}>
                  {row.name}
                </Button>
                {row.missing_rate > 0 && <p className="text-xs text-danger">{text(locale, 'accounting_missing_rate', { count: row.missing_rate })}</p>}
              </>
            ),
          };
        }
        return {
          ...base,
          meta: { className: column.kind === 'text' ? 'whitespace-nowrap' : 'whitespace-nowrap text-right' },
          cell: ({ row: { original: row } }) => cell(column, row, locale),
        };
      }),
    [locale, chosenId],
  );
  const table = useDataTable<MonthlyRow>({
    data: report.data?.items ?? NO_ROWS,
    columns,
    state: { sorting, columnVisibility: Object.fromEntries([...hidden].map((key) => [key, false])) },
    onSortingChange: setSorting,
    getRowId: (row) => `${row.user_id}-${row.currency}`,
  });
  const rows = report.data?.items ?? NO_ROWS;
  const toggle = (key: string) =>
    setHidden((old) => {
      const next = new Set(old);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('accounting_title')}</h1>
      <Alert variant="info">{t('disclaimer')}</Alert>
      <Card className="space-y-3">
        <CardTitle>{t('accounting_title')}</CardTitle>
        <CardDescription>{t('accounting_hint')}</CardDescription>
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label={t('exports_month')}>
            {(control) => (
              <Input
                {...control}
                type="month"
                required
                value={month}
                onChange={(event) => {
                  setMonth(event.target.value);
                  setChosen(null);
                }}
              />
            )}
          </Field>
          <Field label={t('project')}>
            {(control) => (
              <select
                {...control}
                className={SELECT}
                value={project}
                onChange={(event) => {
                  setProject(event.target.value);
                  setChosen(null);
                }}
              >
                <option value="">{t('all_projects')}</option>
                {projects.data?.items.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('employment_filter')}>
            {(control) => (
              <select
                {...control}
                className={SELECT}
                value={employmentType}
                onChange={(event) => {
                  setEmploymentType(event.target.value);
                  setChosen(null);
                }}
              >
                <option value="">{t('all_employment_types')}</option>
                {EMPLOYMENT_TYPES.map((kind) => (
                  <option key={kind} value={kind}>
                    {kind}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <ColumnChooser hidden={hidden} onToggle={toggle} />
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-sm text-muted-foreground">{t('accounting_exports')}</span>
          {EXPORTS.map((choice) => (
            <Button
              key={choice.label}
              size="sm"
              variant="secondary"
              disabled={create.isPending || !month}
              onClick={() => create.mutate({ ...choice.ask, month, ...(project ? { project: Number(project) } : {}) })}
            >
              {t(choice.label)}
            </Button>
          ))}
        </div>
        {create.isError && <Alert variant="danger">{tError(create.error)}</Alert>}
        {create.isSuccess && (
          <Alert variant="success">
            {t('accounting_export_queued')}{' '}
            <Link to={EXPORTS_PAGE} className="underline">
              {t('accounting_open_exports')}
            </Link>
          </Alert>
        )}
        {report.isPending ? (
          <Spinner label={t('accounting_loading')} />
        ) : report.isError ? (
          <ErrorState error={report.error} onRetry={() => void report.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState title={t('accounting_empty')} />
        ) : (
          <div className="space-y-2">
            <DataTable
              table={table}
              caption={t('accounting_title')}
              rowClassName={(row) => (chosenId === row.user_id ? 'bg-muted/30' : undefined)}
              footer={report.data.totals.map((total) => (
                <tr key={total.currency} className="border-t border-border font-semibold">
                  {table.getVisibleLeafColumns().map((leaf) => {
                    const column = COLUMNS.find((c) => c.key === leaf.id)!;
                    return column.key === 'name' ? (
                      <th key={column.key} scope="row" className="px-4 py-3 text-left">
                        {t('totals_row', { currency: total.currency })}
                      </th>
                    ) : (
                      <td key={column.key} className={`px-4 py-3 whitespace-nowrap ${column.kind === 'text' ? '' : 'text-right'}`}>
                        {column.kind === 'text' ? '' : cell(column, total, locale)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            />
            {report.data.total > rows.length && (
              <p className="text-sm text-muted-foreground">{t('accounting_more', { shown: rows.length, total: report.data.total })}</p>
            )}
          </div>
        )}
      </Card>
      {chosen && <PersonDetail row={chosen} month={month} project={project} onClose={() => setChosen(null)} />}
      <ProjectRecap month={month} canEdit={canEdit} />
    </div>
  );
}

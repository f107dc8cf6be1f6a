/**
 * The payroll exports page (`/plugins/payroll/exports`). Managers and above: for the
 * chosen month (and project), buttons for the monthly totals (CSV, XLSX), the statements
 * (PDF) and the payroll-office lines (CSV, XLSX). Techs: their own statement (PDF, CSV).
 * Each button queues a job; the list of recent exports shows status and progress (read
 * again every 2 s while one is running) and a download link once the file is ready.
 */
import { Alert, Badge, Button, Card, CardDescription, CardTitle, EmptyState, ErrorState, Field, Input, Spinner, useDates } from '@coulisses/plugin-ui';
import { useState } from 'react';

import { useCreateExport, useExports, useProjects, useRole, type ExportAsk, type PayrollExport } from './api';
import { failureText, type TextKey } from './catalog';
import { useText } from './texts';

const SELECT = 'h-10 w-full rounded-md border border-border bg-surface px-3 text-sm';
const STATUS_VARIANT = { queued: 'neutral', running: 'info', done: 'success', failed: 'danger' } as const;

/** `YYYY-MM` of today, in the browser's clock (the API reads it in the org's zone). */
function thisMonth(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

interface Choice {
  label: TextKey;
  ask: Pick<ExportAsk, 'kind' | 'format'>;
}

const MANAGER_CHOICES: Choice[] = [
  { label: 'export_totals_csv', ask: { kind: 'monthly_totals', format: 'csv' } },
  { label: 'export_totals_xlsx', ask: { kind: 'monthly_totals', format: 'xlsx' } },
  { label: 'export_statements_pdf', ask: { kind: 'statement', format: 'pdf' } },
  { label: 'export_office_csv', ask: { kind: 'payroll_office', format: 'csv' } },
  { label: 'export_office_xlsx', ask: { kind: 'payroll_office', format: 'xlsx' } },
];
const TECH_CHOICES: Choice[] = [
  { label: 'export_mine_pdf', ask: { kind: 'statement', format: 'pdf' } },
  { label: 'export_mine_csv', ask: { kind: 'statement', format: 'csv' } },
];

function StatusBadge({ item }: { item: PayrollExport }) {
  const { t } = useText();
  if (item.expired) return <Badge variant="neutral">{t('export_expired')}</Badge>;
  return (
    <Badge variant={STATUS_VARIANT[item.status]}>
      {t(`export_status_${item.status}` as TextKey, { progress: item.progress })}
    </Badge>
  );
}

function ExportRow({ item }: { item: PayrollExport }) {
  const { t, locale } = useText();
  const { formatDateTime } = useDates();
  return (
    <tr className="border-b border-border">
      <td className="py-2 pr-3">
        {t(`kind_${item.kind}` as TextKey)} <span className="uppercase text-muted-foreground">{item.format}</span>
      </td>
      <td className="py-2 pr-3">{item.month}</td>
      <td className="py-2 pr-3">
        <StatusBadge item={item} />
        {item.status === 'running' && (
          <progress className="ml-2 align-middle" max={100} value={item.progress} aria-label={t('export_status_running', { progress: item.progress })} />
        )}
        {item.status === 'failed' && <p className="text-sm text-danger">{failureText(locale, item.error_code)}</p>}
      </td>
      <td className="py-2 pr-3 text-sm text-muted-foreground">{formatDateTime(item.created_at)}</td>
      <td className="py-2">
        {item.download_url ? (
          <a className="text-primary underline" href={item.download_url} download={item.filename} aria-label={t('download_of', { file: item.filename })}>
            {t('download')}
          </a>
        ) : null}
      </td>
    </tr>
  );
}

function RecentExports() {
  const { t } = useText();
  const exports = useExports();
  if (exports.isPending) return <Spinner label={t('exports_loading')} />;
  if (exports.isError) return <ErrorState error={exports.error} onRetry={() => void exports.refetch()} />;
  const items = exports.data.items;
  if (items.length === 0) return <EmptyState title={t('exports_empty')} />;
  return (
    <table className="w-full text-left">
      <caption className="sr-only">{t('exports_recent')}</caption>
      <thead>
        <tr className="border-b border-border text-sm text-muted-foreground">
          <th className="py-2 pr-3">{t('col_export')}</th>
          <th className="py-2 pr-3">{t('col_month')}</th>
          <th className="py-2 pr-3">{t('col_status')}</th>
          <th className="py-2 pr-3">{t('exports_asked_at')}</th>
          <th className="py-2">{t('col_file')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <ExportRow key={item.id} item={item} />
        ))}
      </tbody>
    </table>
  );
}

export default function ExportsPage() {
  const { t, tError } = useText();
  const role = useRole();
  const manager = role.data !== undefined && role.data !== 'tech';
  const projects = useProjects(manager);
  const create = useCreateExport();
  const [month, setMonth] = useState(thisMonth);
  const [project, setProject] = useState('');
  const [excelFr, setExcelFr] = useState(true);

  if (role.isPending) return <Spinner label={t('exports_loading')} />;
  const choices = manager ? MANAGER_CHOICES : TECH_CHOICES;
  const ask = (choice: Choice) =>
    create.mutate({
      ...choice.ask,
      month,
      ...(project ? { project: Number(project) } : {}),
      ...(choice.ask.format === 'csv' ? { excel_fr: excelFr } : {}),
    });

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('exports_title')}</h1>
      <Alert variant="info">{t('disclaimer')}</Alert>
      <Card className="space-y-3">
        <CardTitle>{t('exports_title')}</CardTitle>
        <CardDescription>{manager ? t('exports_hint') : t('exports_tech_hint')}</CardDescription>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={t('exports_month')}>
            {(control) => (
              <Input {...control} type="month" required value={month} onChange={(event) => setMonth(event.target.value)} />
            )}
          </Field>
          {manager && (
            <Field label={t('project')}>
              {(control) => (
                <select {...control} className={SELECT} value={project} onChange={(event) => setProject(event.target.value)}>
                  <option value="">{t('all_projects')}</option>
                  {projects.data?.items.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={excelFr} onChange={(event) => setExcelFr(event.target.checked)} />
          {t('exports_excel_fr')}
        </label>
        <div className="flex flex-wrap gap-2">
          {choices.map((choice) => (
            <Button key={choice.label} variant="secondary" disabled={!month || create.isPending} onClick={() => ask(choice)}>
              {t(choice.label)}
            </Button>
          ))}
        </div>
        {create.isError && <Alert variant="danger">{tError(create.error)}</Alert>}
        {create.isSuccess && <Alert variant="success">{t('export_queued_note')}</Alert>}
      </Card>
      <Card className="space-y-3">
        <CardTitle>{t('exports_recent')}</CardTitle>
        <RecentExports />
      </Card>
    </div>
  );
}

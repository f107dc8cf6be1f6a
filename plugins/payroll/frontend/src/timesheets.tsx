/**
 * The timesheets page (`/plugins/payroll/timesheets`). Managers and above: the lines of a
 * day (and a project) in a table, planned beside actual, to edit, validate one by one or
 * all at once ("Valider la journee"), correct with a reason, and read a line's history.
 * Techs: their own lines of the last 7 days as cards, with a phone-friendly form for the
 * actual start, end and breaks.
 */
import {
  Alert,
  Badge,
  Button,
  Card,
  CardDescription,
  CardTitle,
  ConfirmDialog,
  EmptyState,
  ErrorState,
  Field,
  Input,
  Spinner,
  TIME_OF_DAY,
  useDates,
  useZodForm,
  z,
} from '@coulisses/plugin-ui';
import { useMemo, useState } from 'react';

import {
  useCorrectTimesheet,
  useProjects,
  useRole,
  useTimesheetHistory,
  useTimesheets,
  useUpdateTimesheet,
  useValidateDay,
  useValidateTimesheet,
  type TimesheetLine,
  type TimesheetValues,
} from './api';
import { label } from './catalog';
import { useFieldText, useText } from './texts';
import { actualSpan, duration, wallOf } from './zoned';

const STATUS_VARIANT = { draft: 'neutral', submitted: 'info', validated: 'success' } as const;
const SELECT = 'h-10 w-full rounded-md border border-border bg-surface px-3 text-sm';

function timeOf(iso: string, zone: string): string {
  return wallOf(iso, zone).time;
}

function dayLabel(iso: string, zone: string, locale: string): string {
  return new Date(iso).toLocaleDateString(locale === 'en' ? 'en-GB' : 'fr-FR', {
    timeZone: zone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  });
}

function StatusBadge({ line }: { line: TimesheetLine }) {
  const { locale } = useText();
  return <Badge variant={STATUS_VARIANT[line.status]}>{label(locale, 'status', line.status)}</Badge>;
}

function planned(line: TimesheetLine): string {
  return `${timeOf(line.planned_start, line.timezone)} \u2013 ${timeOf(line.planned_end, line.timezone)}`;
}

function actual(line: TimesheetLine, notEntered: string): string {
  if (!line.actual_start || !line.actual_end) return notEntered;
  return `${timeOf(line.actual_start, line.timezone)} \u2013 ${timeOf(line.actual_end, line.timezone)}`;
}

/** A line's values as typed; a correction of a validated line needs its reason. */
function lineSchema(correcting: boolean) {
  return z.object({
    start: z.string().regex(TIME_OF_DAY, 'form_required'),
    end: z.string().regex(TIME_OF_DAY, 'form_required'),
    breaks: z
      .string()
      .trim()
      .transform((v) => (v === '' ? 0 : Number(v)))
      .pipe(z.number('form_invalid_integer').int('form_invalid_integer').min(0, 'breaks_range').max(1440, 'breaks_range')),
    comment: z.string().max(2000, 'form_invalid'),
    reason: correcting ? z.string().trim().min(1, 'form_required').max(500, 'form_invalid') : z.string(),
  });
}

/** The form of one line: actual start and end (the mission's clock), breaks, comment; with
 * `correcting`, the reason too (a correction of a validated line). */
function LineForm({ line, correcting = false, onDone }: { line: TimesheetLine; correcting?: boolean; onDone?: () => void }) {
  const { t, tError } = useText();
  const update = useUpdateTimesheet();
  const correct = useCorrectTimesheet();
  const mutation = correcting ? correct : update;
  const errorText = useFieldText();
  const schema = useMemo(() => lineSchema(correcting), [correcting]);
  const form = useZodForm(schema, {
    defaultValues: {
      start: timeOf(line.actual_start ?? line.planned_start, line.timezone),
      end: timeOf(line.actual_end ?? line.planned_end, line.timezone),
      breaks: String(line.break_minutes),
      comment: line.comment,
      reason: '',
    },
  });
  const { errors } = form.formState;
  const [saved, setSaved] = useState(false);

  const submit = form.handleSubmit(({ start, end, breaks, comment, reason }) => {
    const span = actualSpan(line.planned_start, line.timezone, start, end);
    const values: TimesheetValues = {
      actual_start: span.start,
      actual_end: span.end,
      break_minutes: breaks,
      comment,
    };
    const done = {
      onSuccess: () => {
        setSaved(true);
        onDone?.();
      },
    };
    setSaved(false);
    if (correcting) correct.mutate({ assignmentId: line.assignment_id, values, reason }, done);
    else update.mutate({ assignmentId: line.assignment_id, values }, done);
  });

  return (
    <form
      aria-label={correcting ? t('correct_of', { name: line.user_name }) : t('edit_of', { name: line.user_name })}
      className="space-y-3"
      noValidate
      onSubmit={submit}
    >
      <div className="grid grid-cols-2 gap-3">
        <Field label={t('start')} error={errorText(errors.start)}>
          {(control) => <Input {...control} type="time" {...form.register('start')} />}
        </Field>
        <Field label={t('end')} error={errorText(errors.end)}>
          {(control) => <Input {...control} type="time" {...form.register('end')} />}
        </Field>
      </div>
      <p className="text-xs text-muted-foreground">{t('end_next_day')}</p>
      <Field label={t('breaks')} error={errorText(errors.breaks)}>
        {(control) => (
          <Input {...control} type="number" inputMode="numeric" min={0} max={1440} step={5} {...form.register('breaks')} />
        )}
      </Field>
      <Field label={t('comment')} error={errorText(errors.comment)}>
        {(control) => <Input {...control} maxLength={2000} {...form.register('comment')} />}
      </Field>
      {correcting ? (
        <Field label={t('reason')} error={errorText(errors.reason)}>
          {(control) => <Input {...control} maxLength={500} {...form.register('reason')} />}
        </Field>
      ) : null}
      {mutation.isError ? <Alert variant="danger">{tError(mutation.error)}</Alert> : null}
      {saved && !onDone ? <Alert variant="success">{t('saved')}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" className="min-h-11 flex-1 sm:flex-none" loading={mutation.isPending}>
          {correcting ? t('correct') : t('save')}
        </Button>
        {onDone ? (
          <Button type="button" variant="secondary" className="min-h-11" onClick={onDone}>
            {t('cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

function History({ line }: { line: TimesheetLine }) {
  const { t, locale } = useText();
  const { formatDateTime } = useDates();
  const history = useTimesheetHistory(line.assignment_id, true);
  if (history.isPending) return <Spinner size="sm" label={t('loading')} />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.items.length === 0) return <p className="text-sm text-muted-foreground">{t('history_empty')}</p>;
  const shown = (value: unknown) =>
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? timeOf(value, line.timezone) : String(value ?? '\u2013');
  return (
    <ol aria-label={t('history_of', { name: line.user_name })} className="space-y-2 text-sm">
      {history.data.items.map((event) => (
        <li key={event.id} className="rounded-md border border-border px-3 py-2">
          <p className="font-medium">
            {label(locale, 'action', event.action)} <span className="text-muted-foreground">{formatDateTime(event.at)}</span>
          </p>
          {Object.keys(event.after).map((field) => (
            <p key={field} className="text-muted-foreground">
              {field} : {shown(event.before[field])} {'\u2192'} {shown(event.after[field])}
            </p>
          ))}
          {event.reason ? <p>{t('history_reason', { reason: event.reason })}</p> : null}
        </li>
      ))}
    </ol>
  );
}

type Panel = { assignmentId: number; kind: 'edit' | 'correct' | 'history' } | null;

function LineRow({ line, panel, setPanel }: { line: TimesheetLine; panel: Panel; setPanel: (panel: Panel) => void }) {
  const { t, tError } = useText();
  const validate = useValidateTimesheet();
  const open = panel?.assignmentId === line.assignment_id ? panel.kind : null;
  const toggle = (kind: 'edit' | 'correct' | 'history') =>
    setPanel(open === kind ? null : { assignmentId: line.assignment_id, kind });
  return (
    <>
      <tr className="border-t border-border align-top">
        <td className="px-3 py-2 font-medium">{line.user_name}</td>
        <td className="px-3 py-2">
          {line.mission_title}
          <span className="block text-xs text-muted-foreground">{line.role_name}</span>
        </td>
        <td className="px-3 py-2 whitespace-nowrap">{planned(line)}</td>
        <td className="px-3 py-2 whitespace-nowrap">{actual(line, t('not_entered'))}</td>
        <td className="px-3 py-2 whitespace-nowrap">{t('minutes_value', { minutes: line.break_minutes })}</td>
        <td className="px-3 py-2 whitespace-nowrap">{duration(line.actual_minutes ?? line.planned_minutes)}</td>
        <td className="px-3 py-2">
          <StatusBadge line={line} />
        </td>
        <td className="px-3 py-2">
          <div className="flex flex-wrap gap-1">
            {line.editable ? (
              <Button size="sm" variant="secondary" aria-label={t('edit_of', { name: line.user_name })} onClick={() => toggle('edit')}>
                {t('edit')}
              </Button>
            ) : null}
            {line.status !== 'validated' ? (
              <Button
                size="sm"
                aria-label={t('validate_of', { name: line.user_name })}
                loading={validate.isPending}
                onClick={() => validate.mutate(line.assignment_id)}
              >
                {t('validate')}
              </Button>
            ) : (
              <Button size="sm" variant="secondary" aria-label={t('correct_of', { name: line.user_name })} onClick={() => toggle('correct')}>
                {t('correct')}
              </Button>
            )}
            <Button size="sm" variant="ghost" aria-label={t('history_of', { name: line.user_name })} onClick={() => toggle('history')}>
              {t('history')}
            </Button>
          </div>
          {validate.isError ? <p className="mt-1 text-xs text-danger">{tError(validate.error)}</p> : null}
        </td>
      </tr>
      {open ? (
        <tr>
          <td colSpan={8} className="bg-muted/40 px-3 py-3">
            <div className="max-w-xl">
              {open === 'history' ? (
                <History line={line} />
              ) : (
                <LineForm line={line} correcting={open === 'correct'} onDone={() => setPanel(null)} />
              )}
            </div>
          </td>
        </tr>
      ) : null}
    </>
  );
}

function ManagerView({ today }: { today: string }) {
  const { t, tError } = useText();
  const [day, setDay] = useState(today);
  const [project, setProject] = useState('');
  const [panel, setPanel] = useState<Panel>(null);
  const [confirming, setConfirming] = useState(false);
  const projects = useProjects(true);
  const filters = { day, project: project ? Number(project) : undefined };
  const lines = useTimesheets(filters);
  const validateDay = useValidateDay();

  return (
    <div className="space-y-4">
      <p className="text-sm text-muted-foreground">{t('manager_hint')}</p>
      <div className="grid gap-3 sm:grid-cols-[12rem_16rem_1fr] sm:items-end">
        <Field label={t('day')}>
          {(control) => <Input {...control} type="date" required value={day} onChange={(event) => setDay(event.target.value || today)} />}
        </Field>
        <Field label={t('project')}>
          {(control) => (
            <select {...control} className={SELECT} value={project} onChange={(event) => setProject(event.target.value)}>
              <option value="">{t('all_projects')}</option>
              {(projects.data?.items ?? []).map((item) => (
                <option key={item.id} value={item.id}>
                  {item.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="sm:justify-self-end">
          <Button
            disabled={!lines.data?.items.some((line) => line.status !== 'validated')}
            onClick={() => {
              validateDay.reset();
              setConfirming(true);
            }}
          >
            {t('validate_day')}
          </Button>
        </div>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('validate_day_confirm')}
        description={t('validate_day_hint')}
        confirmLabel={t('validate_day')}
        cancelLabel={t('cancel')}
        loading={validateDay.isPending}
        onConfirm={() => validateDay.mutate({ day, project: filters.project }, { onSettled: () => setConfirming(false) })}
        onCancel={() => setConfirming(false)}
      />
      {validateDay.isError ? <Alert variant="danger">{tError(validateDay.error)}</Alert> : null}
      {validateDay.data ? <Alert variant="success">{t('validated_count', { count: validateDay.data.validated })}</Alert> : null}
      {lines.isPending ? <Spinner label={t('loading')} /> : null}
      {lines.isError ? <ErrorState error={lines.error} onRetry={() => void lines.refetch()} /> : null}
      {lines.data && lines.data.items.length === 0 ? <EmptyState title={t('empty')} /> : null}
      {lines.data && lines.data.items.length > 0 ? (
        <div className="overflow-x-auto rounded-lg border border-border">
          <table className="w-full text-left text-sm">
            <thead className="bg-muted/40 text-xs uppercase text-muted-foreground">
              <tr>
                {(['col_person', 'col_mission', 'col_planned', 'col_actual', 'col_breaks', 'col_worked', 'col_status', 'col_actions'] as const).map(
                  (key) => (
                    <th key={key} scope="col" className="px-3 py-2 font-medium">
                      {t(key)}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody>
              {lines.data.items.map((line) => (
                <LineRow key={line.assignment_id} line={line} panel={panel} setPanel={setPanel} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

function TechView() {
  const { t, locale } = useText();
  const lines = useTimesheets({});
  return (
    <div className="space-y-4">
      <p className="text-sm text-muted-foreground">{t('tech_hint')}</p>
      {lines.isPending ? <Spinner label={t('loading')} /> : null}
      {lines.isError ? <ErrorState error={lines.error} onRetry={() => void lines.refetch()} /> : null}
      {lines.data && lines.data.items.length === 0 ? <EmptyState title={t('empty_mine')} /> : null}
      <ul className="space-y-4">
        {[...(lines.data?.items ?? [])].reverse().map((line) => (
          <li key={line.assignment_id}>
            <Card className="space-y-3">
              <div className="flex items-start justify-between gap-2">
                <div>
                  <CardTitle>{line.mission_title}</CardTitle>
                  <CardDescription>
                    {dayLabel(line.planned_start, line.timezone, locale)} {'\u00b7'} {line.role_name}
                  </CardDescription>
                </div>
                <StatusBadge line={line} />
              </div>
              <p className="text-sm">{t('planned_line', { start: timeOf(line.planned_start, line.timezone), end: timeOf(line.planned_end, line.timezone) })}</p>
              {line.editable ? (
                <LineForm line={line} />
              ) : (
                <div className="space-y-1 text-sm">
                  <p>
                    {t('col_actual')} : {actual(line, t('not_entered'))} {'\u00b7'} {t('col_breaks')} :{' '}
                    {t('minutes_value', { minutes: line.break_minutes })}
                  </p>
                  <p className="text-muted-foreground">{t('locked')}</p>
                </div>
              )}
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}

export default function TimesheetsPage() {
  const { t } = useText();
  const { timeZone } = useDates();
  const role = useRole();
  const today = wallOf(new Date().toISOString(), timeZone).date;
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="text-xs text-muted-foreground">{t('disclaimer')}</p>
      </div>
      {role.isPending ? <Spinner label={t('loading')} /> : null}
      {role.isError ? <ErrorState error={role.error} onRetry={() => void role.refetch()} /> : null}
      {role.data ? role.data === 'tech' ? <TechView /> : <ManagerView today={today} /> : null}
    </div>
  );
}

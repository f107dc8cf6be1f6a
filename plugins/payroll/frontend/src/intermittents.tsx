/**
 * The intermittents page (`/plugins/payroll/intermittents`). Managers and above: every
 * intermittent's 507 h count on a date (the shortest of the threshold first), each with
 * the assignments it counts, a form for the annexe and the hours declared elsewhere and one
 * for the civil status the AEM and the contract print;
 * the engagements (CDDU) around today with their DPAE reminders (overdue first in red),
 * to record a filed DPAE or remove one, each with its CDDU contract PDF; the AEM lines of a
 * month with their Conges Spectacles base and the CSV and PDF files; each project's numero d'objet; the employer's identity (SIRET, APE, IDCC, licences) that AEMs and contracts print,
 * editable by admins. Techs: their own count.
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
  useDates,
  useZodForm,
  z,
} from '@coulisses/plugin-ui';
import { useState } from 'react';

import {
  aemFileUrl,
  contractUrl,
  useAem,
  useDeclareDpae,
  useEngagements,
  useIdentity,
  useIntermittent,
  useIntermittents,
  useProjectIdentities,
  useProjects,
  useRemoveDpae,
  useCivilStatus,
  useRole,
  useSaveCivilStatus,
  useSaveIdentity,
  useSaveProjectIdentity,
  useUpdateIntermittent,
  type AemRow,
  type CivilStatus,
  type DpaeStatus,
  type EmployerIdentity,
  type Engagement,
  type IntermittentCount,
  type Licence,
} from './api';
import type { TextKey } from './catalog';
import { hoursOf, money } from './numbers';
import { useFieldText, useText } from './texts';

const SELECT = 'h-10 w-full rounded-md border border-border bg-surface px-3 text-sm';
const TEXTAREA = 'min-h-20 w-full rounded-md border border-border bg-surface px-3 py-2 text-sm';
const ADMINS = new Set(['admin', 'owner']);
const CATEGORIES = [1, 2, 3] as const;
/** The identity field an API error code is about. */
const ERROR_FIELD: Record<string, string> = {
  'payroll.siret_format': 'siret',
  'payroll.siret_checksum': 'siret',
  'payroll.ape_format': 'ape',
  'payroll.idcc_format': 'idcc',
  'payroll.licence_duplicate': 'licences',
};

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
}

function Counted({ count }: { count: IntermittentCount }) {
  const { t, locale } = useText();
  const { formatDateTime } = useDates();
  const counted = count.counted ?? [];
  if (counted.length === 0) return <p className="text-sm text-muted-foreground">{t('counted_empty')}</p>;
  return (
    // Scrolls sideways on a phone: focusable so that a keyboard can scroll it too.
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t('details_of', { name: count.name })}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t('details_of', { name: count.name })}</caption>
        <thead>
          <tr className="border-b border-border text-muted-foreground">
            <th className="py-1 pr-3">{t('start')}</th>
            <th className="py-1 pr-3">{t('col_mission')}</th>
            <th className="py-1 pr-3">{t('col_status')}</th>
            <th className="py-1 text-right">{t('col_total')}</th>
          </tr>
        </thead>
        <tbody>
          {counted.map((item) => (
            <tr key={item.assignment_id} className="border-b border-border">
              <td className="py-1 pr-3 whitespace-nowrap">{formatDateTime(item.starts_at)}</td>
              <td className="py-1 pr-3">
                {item.mission_title} <span className="text-muted-foreground">({item.role_name})</span>
              </td>
              <td className="py-1 pr-3">{t(`source_${item.source}` as TextKey)}</td>
              <td className="py-1 text-right whitespace-nowrap">{t('hours_value', { hours: hoursOf(item.minutes, locale) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Detail({ count, asOf }: { count: IntermittentCount; asOf: string }) {
  const { t } = useText();
  const one = useIntermittent(count.user_id, asOf, true);
  if (one.isPending) return <Spinner label={t('intermittents_loading')} size="sm" />;
  if (one.isError) return <ErrorState error={one.error} onRetry={() => void one.refetch()} />;
  return <Counted count={one.data} />;
}

/** The end of an inline form: its error, Save (busy while sending) and Cancel. */
function FormActions({ mutation, onCancel }: { mutation: { isError: boolean; error: unknown; isPending: boolean }; onCancel: () => void }) {
  const { t, tError } = useText();
  return (
    <>
      {mutation.isError && <Alert variant="danger">{tError(mutation.error)}</Alert>}
      <div className="flex gap-2">
        <Button type="submit" loading={mutation.isPending}>
          {t('save')}
        </Button>
        <Button type="button" variant="ghost" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </>
  );
}

/** Hours declared elsewhere as typed (a comma or a dot), as minutes; empty is none. */
const profileSchema = z.object({
  annexe: z.enum(['8', '10'], 'form_invalid'),
  elsewhere: z
    .string()
    .trim()
    .transform((v) => (v === '' ? 0 : Number(v.replace(',', '.'))))
    .pipe(z.number('form_invalid_number').min(0, 'elsewhere_range').max(10000, 'elsewhere_range')),
  note: z.string().max(500, 'form_invalid'),
});

function ProfileForm({ count, onDone }: { count: IntermittentCount; onDone: () => void }) {
  const { t } = useText();
  const errorText = useFieldText();
  const update = useUpdateIntermittent();
  const form = useZodForm(profileSchema, {
    defaultValues: { annexe: count.annexe === 10 ? '10' : '8', elsewhere: String(count.elsewhere_minutes / 60), note: count.elsewhere_note },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) =>
    update.mutate(
      {
        userId: count.user_id,
        profile: { annexe: values.annexe === '10' ? 10 : 8, elsewhere_minutes: Math.round(values.elsewhere * 60), elsewhere_note: values.note },
      },
      { onSuccess: onDone },
    ),
  );
  return (
    <form aria-label={t('profile_of', { name: count.name })} className="space-y-3" noValidate onSubmit={submit}>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t('annexe')}>
          {(control) => (
            <select {...control} className={SELECT} {...form.register('annexe')}>
              <option value={8}>{t('annexe_8')}</option>
              <option value={10}>{t('annexe_10')}</option>
            </select>
          )}
        </Field>
        <Field label={t('elsewhere_hours')} error={errorText(errors.elsewhere)}>
          {(control) => (
            <Input {...control} type="number" inputMode="decimal" min={0} max={10000} step={0.5} {...form.register('elsewhere')} />
          )}
        </Field>
      </div>
      <Field label={t('elsewhere_note')} error={errorText(errors.note)}>
        {(control) => <textarea {...control} className={TEXTAREA} maxLength={500} {...form.register('note')} />}
      </Field>
      <FormActions mutation={update} onCancel={onDone} />
    </form>
  );
}

const CIVIL_LABELS: Record<string, TextKey> = {
  birth_date: 'civil_birth_date',
  birth_place: 'civil_birth_place',
  address: 'civil_address',
};

/** What the API keeps of a person's civil status (its limits); the API checks the birth date. */
const civilSchema = z.object({
  birth_name: z.string().max(100, 'form_invalid'),
  birth_date: z.string(),
  birth_place: z.string().max(120, 'form_invalid'),
  nationality: z.string().max(60, 'form_invalid'),
  address: z.string().max(300, 'form_invalid'),
});

function CivilStatusForm({ status, name, onDone }: { status: CivilStatus; name: string; onDone: () => void }) {
  const { t } = useText();
  const save = useSaveCivilStatus();
  const errorText = useFieldText();
  const form = useZodForm(civilSchema, {
    defaultValues: {
      birth_name: status.birth_name,
      birth_date: status.birth_date ?? '',
      birth_place: status.birth_place,
      nationality: status.nationality,
      address: status.address,
    },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) =>
    save.mutate({ userId: status.user_id, values: { ...values, birth_date: values.birth_date || null } }, { onSuccess: onDone }),
  );
  return (
    <form aria-label={t('civil_status_of', { name })} className="space-y-3" noValidate onSubmit={submit}>
      <p className="text-sm text-muted-foreground">{t('civil_status_hint')}</p>
      {status.missing.length > 0 && (
        <p className="text-sm text-danger">
          {t('civil_missing', { fields: status.missing.map((field) => t(CIVIL_LABELS[field] ?? 'civil_status')).join(', ') })}
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t('civil_birth_date')} error={errorText(errors.birth_date)}>
          {(control) => <Input {...control} type="date" {...form.register('birth_date')} />}
        </Field>
        <Field label={t('civil_birth_place')} error={errorText(errors.birth_place)}>
          {(control) => <Input {...control} maxLength={120} {...form.register('birth_place')} />}
        </Field>
        <Field label={t('civil_birth_name')} error={errorText(errors.birth_name)}>
          {(control) => <Input {...control} maxLength={100} {...form.register('birth_name')} />}
        </Field>
        <Field label={t('civil_nationality')} error={errorText(errors.nationality)}>
          {(control) => <Input {...control} maxLength={60} {...form.register('nationality')} />}
        </Field>
      </div>
      <Field label={t('civil_address')} error={errorText(errors.address)}>
        {(control) => <textarea {...control} className={TEXTAREA} maxLength={300} {...form.register('address')} />}
      </Field>
      <FormActions mutation={save} onCancel={onDone} />
    </form>
  );
}

function CivilStatusPanel({ count, onDone }: { count: IntermittentCount; onDone: () => void }) {
  const { t } = useText();
  const civil = useCivilStatus(count.user_id);
  if (civil.isPending) return <Spinner label={t('intermittents_loading')} size="sm" />;
  if (civil.isError) return <ErrorState error={civil.error} onRetry={() => void civil.refetch()} />;
  return <CivilStatusForm status={civil.data} name={count.name} onDone={onDone} />;
}

function Figures({ count }: { count: IntermittentCount }) {
  const { t, locale } = useText();
  const h = (minutes: number) => t('hours_value', { hours: hoursOf(minutes, locale) });
  const figures: [TextKey, string][] = [
    ['col_here', h(count.worked_minutes)],
    ['col_cachets', t('cachets_value', { count: count.cachets, hours: hoursOf(count.cachet_minutes, locale) })],
    ['col_elsewhere', h(count.elsewhere_minutes)],
    ['col_total', h(count.total_minutes)],
    ['col_missing', h(count.missing_minutes)],
  ];
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-5">
      {figures.map(([label, value]) => (
        <div key={label}>
          <dt className="text-muted-foreground">{t(label)}</dt>
          <dd className="font-medium">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Progress({ count }: { count: IntermittentCount }) {
  const { t, locale } = useText();
  const label = t('progress_of', { total: hoursOf(count.total_minutes, locale), threshold: hoursOf(count.threshold_minutes, locale) });
  return (
    <div className="flex items-center gap-2">
      <progress className="h-2 w-full" max={count.threshold_minutes} value={Math.min(count.total_minutes, count.threshold_minutes)} aria-label={label} />
      <span className="whitespace-nowrap text-sm text-muted-foreground">{label}</span>
    </div>
  );
}

function PersonRow({ count, asOf, canEdit }: { count: IntermittentCount; asOf: string; canEdit: boolean }) {
  const { t } = useText();
  const [open, setOpen] = useState<'detail' | 'edit' | 'civil' | null>(null);
  const toggle = (what: 'detail' | 'edit' | 'civil') => setOpen((current) => (current === what ? null : what));
  return (
    <li className="space-y-2 border-b border-border py-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-semibold">
          {count.name} <span className="text-sm font-normal text-muted-foreground">{t(`annexe_${count.annexe}` as TextKey)}</span>
        </h3>
        {count.reached ? <Badge variant="success">{t('reached')}</Badge> : <Badge variant="warning">{t('below')}</Badge>}
      </div>
      <Progress count={count} />
      <Figures count={count} />
      <div className="flex flex-wrap gap-2">
        <Button size="sm" variant="secondary" aria-expanded={open === 'detail'} aria-label={t('details_of', { name: count.name })} onClick={() => toggle('detail')}>
          {t('details')}
        </Button>
        {canEdit && (
          <Button size="sm" variant="secondary" aria-expanded={open === 'edit'} aria-label={t('profile_of', { name: count.name })} onClick={() => toggle('edit')}>
            {t('edit')}
          </Button>
        )}
        {canEdit && (
          <Button size="sm" variant="secondary" aria-expanded={open === 'civil'} aria-label={t('civil_status_of', { name: count.name })} onClick={() => toggle('civil')}>
            {t('civil_status')}
          </Button>
        )}
      </div>
      {open === 'detail' && <Detail count={count} asOf={asOf} />}
      {open === 'edit' && <ProfileForm count={count} onDone={() => setOpen(null)} />}
      {open === 'civil' && <CivilStatusPanel count={count} onDone={() => setOpen(null)} />}
    </li>
  );
}

function Counts({ manager, asOf, shortOnly }: { manager: boolean; asOf: string; shortOnly: boolean }) {
  const { t } = useText();
  const { formatDate } = useDates();
  const list = useIntermittents(asOf, shortOnly);
  if (list.isPending) return <Spinner label={t('intermittents_loading')} />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data.items;
  const first = items[0];
  if (first === undefined) return <EmptyState title={t(shortOnly ? 'intermittents_all_reached' : 'intermittents_empty')} />;
  return (
    <div className="space-y-1">
      <p className="text-sm text-muted-foreground">{t('window', { from: formatDate(first.from_day), to: formatDate(first.to_day) })}</p>
      <ul aria-label={t('intermittents_title')}>
        {items.map((count) => (
          <PersonRow key={count.user_id} count={count} asOf={asOf} canEdit={manager} />
        ))}
      </ul>
    </div>
  );
}

const DPAE_VARIANT: Record<DpaeStatus, 'neutral' | 'info' | 'danger' | 'success'> = {
  not_yet_open: 'neutral',
  to_declare: 'info',
  overdue: 'danger',
  declared: 'success',
};

function DpaeBadge({ engagement }: { engagement: Engagement }) {
  const { t } = useText();
  const { formatDate, formatDateTime } = useDates();
  const { dpae } = engagement;
  const date =
    dpae.status === 'declared'
      ? formatDate(dpae.declared_on ?? '')
      : dpae.status === 'not_yet_open'
        ? formatDateTime(dpae.opens_at)
        : formatDateTime(dpae.due_at);
  return <Badge variant={DPAE_VARIANT[dpae.status]}>{t(`dpae_${dpae.status}` as TextKey, { date })}</Badge>;
}

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

const dpaeSchema = z.object({
  reference: z.string().trim().max(64, 'form_invalid'),
  declared_on: z.string().min(1, 'form_required'),
});

function DpaeForm({ engagement, onDone }: { engagement: Engagement; onDone: () => void }) {
  const { t } = useText();
  const declare = useDeclareDpae();
  const errorText = useFieldText();
  const form = useZodForm(dpaeSchema, { defaultValues: { reference: '', declared_on: today() } });
  const { errors } = form.formState;
  const label = t('dpae_record_of', { name: engagement.name, project: engagement.project_name });
  const submit = form.handleSubmit((values) =>
    declare.mutate({ user: engagement.user_id, project: engagement.project_id, first_day: engagement.first_day, ...values }, { onSuccess: onDone }),
  );
  return (
    <form aria-label={label} className="space-y-3" noValidate onSubmit={submit}>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t('dpae_reference_field')} error={errorText(errors.reference)}>
          {(control) => <Input {...control} maxLength={64} {...form.register('reference')} />}
        </Field>
        <Field label={t('dpae_declared_on')} error={errorText(errors.declared_on)}>
          {(control) => <Input {...control} type="date" {...form.register('declared_on')} />}
        </Field>
      </div>
      <FormActions mutation={declare} onCancel={onDone} />
    </form>
  );
}

function EngagementRow({ engagement }: { engagement: Engagement }) {
  const { t, tError } = useText();
  const { formatDate } = useDates();
  const remove = useRemoveDpae();
  const [recording, setRecording] = useState(false);
  const [removing, setRemoving] = useState(false);
  const { dpae } = engagement;
  const names = { name: engagement.name, project: engagement.project_name };
  return (
    <li className={`space-y-2 border-b border-border py-3 ${dpae.status === 'overdue' ? 'border-l-4 border-l-danger pl-3' : ''}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-semibold">
          {engagement.name} <span className="font-normal text-muted-foreground">{engagement.project_name}</span>
        </h3>
        <DpaeBadge engagement={engagement} />
      </div>
      <p className="text-sm text-muted-foreground">
        {t('engagement_days', { first: formatDate(engagement.first_day), last: formatDate(engagement.last_day), count: engagement.missions })}
        {dpae.reference ? ` \u00b7 ${t('dpae_reference', { reference: dpae.reference })}` : ''}
      </p>
      <a
        className="inline-block text-sm text-primary underline"
        href={contractUrl(engagement)}
        download
        aria-label={t('contract_pdf_of', names)}
      >
        {t('contract_pdf')}
      </a>
      {dpae.id === null ? (
        !recording && (
          <Button size="sm" variant="secondary" aria-label={t('dpae_record_of', names)} onClick={() => setRecording(true)}>
            {t('dpae_record')}
          </Button>
        )
      ) : (
        <Button size="sm" variant="ghost" aria-label={t('dpae_remove_of', names)} onClick={() => setRemoving(true)}>
          {t('dpae_remove')}
        </Button>
      )}
      {recording && <DpaeForm engagement={engagement} onDone={() => setRecording(false)} />}
      {remove.isError && <Alert variant="danger">{tError(remove.error)}</Alert>}
      <ConfirmDialog
        open={removing}
        title={t('dpae_remove_of', names)}
        description={t('dpae_remove_confirm')}
        confirmLabel={t('dpae_remove')}
        cancelLabel={t('cancel')}
        destructive
        loading={remove.isPending}
        onConfirm={() => {
          if (dpae.id !== null) remove.mutate(dpae.id, { onSettled: () => setRemoving(false) });
        }}
        onCancel={() => setRemoving(false)}
      />
    </li>
  );
}

function EngagementsCard() {
  const { t } = useText();
  const { formatDate } = useDates();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const list = useEngagements(overdueOnly ? 'overdue' : '');
  let body;
  if (list.isPending) body = <Spinner label={t('engagements_loading')} />;
  else if (list.isError) body = <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.items.length === 0) body = <EmptyState title={t(overdueOnly ? 'engagements_none_overdue' : 'engagements_empty')} />;
  else {
    // Overdue first (to act on), then by first start as the API sends them.
    const items = [...list.data.items].sort((a, b) => Number(b.dpae.status === 'overdue') - Number(a.dpae.status === 'overdue'));
    body = (
      <div className="space-y-1">
        <p className="text-sm text-muted-foreground">{t('window', { from: formatDate(list.data.from_day), to: formatDate(list.data.to_day) })}</p>
        <ul aria-label={t('engagements_title')}>
          {items.map((engagement) => (
            <EngagementRow key={`${engagement.user_id}-${engagement.project_id}-${engagement.first_day}`} engagement={engagement} />
          ))}
        </ul>
      </div>
    );
  }
  return (
    <Card className="space-y-3">
      <CardTitle>{t('engagements_title')}</CardTitle>
      <CardDescription>{t('engagements_hint')}</CardDescription>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={overdueOnly} onChange={(event) => setOverdueOnly(event.target.checked)} />
        {t('overdue_only')}
      </label>
      {body}
    </Card>
  );
}

function currentMonth(): string {
  return today().slice(0, 7);
}

function AemTable({ rows }: { rows: AemRow[] }) {
  const { t, locale } = useText();
  const { formatDate } = useDates();
  return (
    // Scrolls sideways on a phone: focusable so that a keyboard can scroll it too.
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t('aem_table')}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t('aem_table')}</caption>
        <thead>
          <tr className="border-b border-border text-muted-foreground">
            <th className="py-1 pr-3">{t('aem_col_person')}</th>
            <th className="py-1 pr-3">{t('aem_col_project')}</th>
            <th className="py-1 pr-3">{t('annexe')}</th>
            <th className="py-1 pr-3">{t('aem_col_contract')}</th>
            <th className="py-1 pr-3 text-right">{t('aem_col_hours')}</th>
            <th className="py-1 pr-3 text-right">{t('aem_col_cachets')}</th>
            <th className="py-1 pr-3 text-right">{t('aem_col_days')}</th>
            <th className="py-1 pr-3 text-right">{t('aem_col_gross')}</th>
            <th className="py-1 pr-3 text-right">{t('aem_col_cs_base')}</th>
            <th className="py-1 text-right">{t('aem_col_cs_contribution', { rate: rows[0]?.cs_rate_pct ?? '' })}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.user_id}-${row.project_id}-${row.contract_start}`} className="border-b border-border">
              <td className="py-1 pr-3">
                {row.name}
                {row.nir ? null : <span className="block text-xs text-danger">{t('aem_nir_missing')}</span>}
                {row.civil_missing.length > 0 && <span className="block text-xs text-danger">{t('aem_civil_missing')}</span>}
              </td>
              <td className="py-1 pr-3">
                {row.project_name} <span className="text-muted-foreground">({row.numero_objet ?? '-'})</span>
              </td>
              <td className="py-1 pr-3">{row.annexe}</td>
              <td className="py-1 pr-3 whitespace-nowrap">
                {row.ongoing
                  ? t('aem_ongoing', { first: formatDate(row.contract_start) })
                  : t('aem_dates', { first: formatDate(row.contract_start), last: formatDate(row.contract_end) })}
              </td>
              <td className="py-1 pr-3 text-right">{hoursOf(row.hours_minutes, locale)}</td>
              <td className="py-1 pr-3 text-right">{row.cachets}</td>
              <td className="py-1 pr-3 text-right">{row.days_worked}</td>
              <td className="py-1 pr-3 text-right whitespace-nowrap">{money(row.gross_cents, row.currency, locale)}</td>
              <td className="py-1 pr-3 text-right whitespace-nowrap">{money(row.cs_base_cents, row.currency, locale)}</td>
              <td className="py-1 text-right whitespace-nowrap">{money(row.cs_contribution_cents, row.currency, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AemCard() {
  const { t } = useText();
  const [month, setMonth] = useState(currentMonth);
  const aem = useAem(month, true);
  let body;
  if (aem.isPending) body = <Spinner label={t('aem_loading')} />;
  else if (aem.isError) body = <ErrorState error={aem.error} onRetry={() => void aem.refetch()} />;
  else {
    const missing = aem.data.employer_missing;
    body = (
      <div className="space-y-3">
        {missing.length > 0 ? (
          <Alert variant="warning">{t('aem_missing', { fields: missing.map((name) => t(`field_${name}` as TextKey)).join(', ') })}</Alert>
        ) : (
          <div className="flex flex-wrap gap-4">
            <a className="text-sm text-primary underline" href={aemFileUrl(month, 'csv')} download>
              {t('aem_csv')}
            </a>
            <a className="text-sm text-primary underline" href={aemFileUrl(month, 'pdf')} download>
              {t('aem_pdf')}
            </a>
          </div>
        )}
        {aem.data.rows.length === 0 ? <EmptyState title={t('aem_empty')} /> : <AemTable rows={aem.data.rows} />}
      </div>
    );
  }
  return (
    <Card className="space-y-3">
      <CardTitle>{t('aem_title')}</CardTitle>
      <CardDescription>{t('aem_hint')}</CardDescription>
      <Field label={t('aem_month')}>
        {(control) => <Input {...control} type="month" value={month} onChange={(event) => setMonth(event.target.value)} />}
      </Field>
      {body}
    </Card>
  );
}

function ObjetRow({ project, numero }: { project: { id: number; name: string }; numero: string }) {
  const { t, tError } = useText();
  const save = useSaveProjectIdentity();
  const [value, setValue] = useState(numero);
  const label = t('objet_of', { project: project.name });
  return (
    <li className="py-2">
      <form
        aria-label={label}
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ projectId: project.id, numero: value }, { onSuccess: (saved) => setValue(saved.numero_objet ?? '') });
        }}
      >
        <Field label={label} className="min-w-48 flex-1">
          {(control) => <Input {...control} maxLength={64} value={value} onChange={(event) => setValue(event.target.value)} />}
        </Field>
        <Button type="submit" size="sm" variant="secondary" loading={save.isPending}>
          {t('save')}
        </Button>
        {save.isSuccess && <span className="pb-2 text-sm text-success">{t('objet_saved')}</span>}
      </form>
      {save.isError && <Alert variant="danger">{tError(save.error)}</Alert>}
    </li>
  );
}

function ObjetsCard() {
  const { t } = useText();
  const projects = useProjects(true);
  const numeros = useProjectIdentities(true);
  let body;
  if (projects.isPending || numeros.isPending) body = <Spinner label={t('objets_title')} />;
  else if (projects.isError) body = <ErrorState error={projects.error} onRetry={() => void projects.refetch()} />;
  else if (numeros.isError) body = <ErrorState error={numeros.error} onRetry={() => void numeros.refetch()} />;
  else if (projects.data.items.length === 0) body = <EmptyState title={t('objets_empty')} />;
  else
    body = (
      <ul aria-label={t('objets_title')} className="divide-y divide-border">
        {projects.data.items.map((project) => (
          <ObjetRow key={project.id} project={project} numero={numeros.data.get(project.id) ?? ''} />
        ))}
      </ul>
    );
  return (
    <Card className="space-y-3">
      <CardTitle>{t('objets_title')}</CardTitle>
      <CardDescription>{t('objets_hint')}</CardDescription>
      {body}
    </Card>
  );
}

function licenceOf(identity: EmployerIdentity, category: number): string {
  return identity.licences.find((licence) => licence.category === category)?.number ?? '';
}

function IdentityForm({ identity, canEdit }: { identity: EmployerIdentity; canEdit: boolean }) {
  const { t, tError } = useText();
  const save = useSaveIdentity();
  const [values, setValues] = useState({
    legal_name: identity.legal_name,
    address: identity.address,
    siret: identity.siret ?? '',
    ape: identity.ape ?? '',
    idcc: identity.idcc ?? '',
    guso: identity.guso,
  });
  const [licences, setLicences] = useState<string[]>(CATEGORIES.map((category) => licenceOf(identity, category)));
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) => setValues((old) => ({ ...old, [name]: event.target.value }));
  const failed = save.isError ? ERROR_FIELD[errorCode(save.error)] : undefined;
  const fieldError = (name: string) => (failed === name ? tError(save.error) : undefined);
  const missing = (save.data ?? identity).missing;

  return (
    <form
      aria-label={t('identity_title')}
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const chosen: Licence[] = CATEGORIES.flatMap((category, index) => {
          const number = licences[index]?.trim() ?? '';
          return number ? [{ category, number }] : [];
        });
        save.mutate(
          { ...values, siret: values.siret || null, ape: values.ape || null, idcc: values.idcc || null, licences: chosen },
          {
            // Show what is stored: the SIRET without spaces, the APE as 90.01Z, the IDCC on 4 digits.
            onSuccess: (saved) =>
              setValues((old) => ({ ...old, siret: saved.siret ?? '', ape: saved.ape ?? '', idcc: saved.idcc ?? '' })),
          },
        );
      }}
    >
      {missing.length > 0 ? (
        <Alert variant="warning">{t('identity_missing', { fields: missing.map((name) => t(`field_${name}` as TextKey)).join(', ') })}</Alert>
      ) : (
        <p className="text-sm text-muted-foreground">{t('identity_complete')}</p>
      )}
      <fieldset disabled={!canEdit} className="space-y-3">
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={t('field_legal_name')}>
            {(control) => <Input {...control} maxLength={200} value={values.legal_name} onChange={set('legal_name')} />}
          </Field>
          <Field label={t('field_siret')} error={fieldError('siret')}>
            {(control) => <Input {...control} inputMode="numeric" autoComplete="off" value={values.siret} onChange={set('siret')} />}
          </Field>
          <Field label={t('field_ape')} error={fieldError('ape')}>
            {(control) => <Input {...control} value={values.ape} onChange={set('ape')} />}
          </Field>
          <Field label={t('field_idcc')} error={fieldError('idcc')}>
            {(control) => <Input {...control} inputMode="numeric" value={values.idcc} onChange={set('idcc')} />}
          </Field>
        </div>
        <Field label={t('field_address')}>
          {(control) => <textarea {...control} className={TEXTAREA} maxLength={500} value={values.address} onChange={set('address')} />}
        </Field>
        <div className="grid gap-3 sm:grid-cols-3">
          {CATEGORIES.map((category, index) => (
            <Field key={category} label={t(`licence_${category}` as TextKey)} error={index === 0 ? fieldError('licences') : undefined}>
              {(control) => (
                <Input
                  {...control}
                  maxLength={64}
                  value={licences[index]}
                  onChange={(event) => setLicences((old) => old.map((value, i) => (i === index ? event.target.value : value)))}
                />
              )}
            </Field>
          ))}
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={values.guso} onChange={(event) => setValues((old) => ({ ...old, guso: event.target.checked }))} />
          {t('field_guso')}
        </label>
      </fieldset>
      {save.isError && !failed && <Alert variant="danger">{tError(save.error)}</Alert>}
      {save.isSuccess && <Alert variant="success">{t('identity_saved')}</Alert>}
      {canEdit ? (
        <Button type="submit" loading={save.isPending}>
          {t('save')}
        </Button>
      ) : (
        <p className="text-sm text-muted-foreground">{t('identity_read_only')}</p>
      )}
    </form>
  );
}

function IdentityCard({ canEdit }: { canEdit: boolean }) {
  const { t } = useText();
  const identity = useIdentity(true);
  return (
    <Card className="space-y-3">
      <CardTitle>{t('identity_title')}</CardTitle>
      <CardDescription>{t('identity_hint')}</CardDescription>
      {identity.isPending ? (
        <Spinner label={t('identity_title')} />
      ) : identity.isError ? (
        <ErrorState error={identity.error} onRetry={() => void identity.refetch()} />
      ) : (
        <IdentityForm identity={identity.data} canEdit={canEdit} />
      )}
    </Card>
  );
}

export default function IntermittentsPage() {
  const { t } = useText();
  const role = useRole();
  const [asOf, setAsOf] = useState('');
  const [shortOnly, setShortOnly] = useState(false);
  if (role.isPending) return <Spinner label={t('intermittents_loading')} />;
  const manager = role.data !== undefined && role.data !== 'tech';
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('intermittents_title')}</h1>
      <Alert variant="info">{t('disclaimer')}</Alert>
      <Card className="space-y-3">
        <CardTitle>{t('intermittents_title')}</CardTitle>
        <CardDescription>{manager ? t('intermittents_hint') : t('intermittents_tech_hint')}</CardDescription>
        <div className="flex flex-wrap items-end gap-4">
          <Field label={t('as_of')}>
            {(control) => <Input {...control} type="date" value={asOf} onChange={(event) => setAsOf(event.target.value)} />}
          </Field>
          {manager && (
            <label className="flex items-center gap-2 pb-2 text-sm">
              <input type="checkbox" checked={shortOnly} onChange={(event) => setShortOnly(event.target.checked)} />
              {t('short_only')}
            </label>
          )}
        </div>
        <Counts manager={manager} asOf={asOf} shortOnly={manager && shortOnly} />
      </Card>
      {manager && <EngagementsCard />}
      {manager && <AemCard />}
      {manager && <ObjetsCard />}
      {manager && <IdentityCard canEdit={ADMINS.has(role.data ?? '')} />}
    </div>
  );
}

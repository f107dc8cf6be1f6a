import { z } from 'zod';

import { Alert } from '@/components/ui/alert/alert';
import { Badge } from '@/components/ui/badge/badge';
import { Button } from '@/components/ui/button/button';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { Select } from '@/components/ui/select/select';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useFormText, useZodForm } from '@/lib/forms';
import { useLocale } from '@/lib/i18n/use-locale';
import type { MessageKey } from '@/lib/i18n/translate';
import { useDecideApplication } from '@/features/open-shifts/api/decide-application';
import {
  useMissionOpenShifts,
  type OpenShift,
} from '@/features/open-shifts/api/list-mission-open-shifts';
import { useCloseOpenShift, usePublishOpenShift } from '@/features/open-shifts/api/publish-open-shift';
import { ApplicationStatus } from '@/features/open-shifts/components/application-status';

/** A role of the mission, as the route passes it. */
export interface OpenShiftRole {
  id: number;
  name: string;
  quota: number;
}

const STATUS_LABELS: Record<OpenShift['status'], MessageKey> = {
  OPEN: 'open_shifts_shift_open',
  FULL: 'open_shifts_shift_full',
  CLOSED: 'open_shifts_shift_closed',
};

/** A waitlisted person has 1 to 336 hours (two weeks) to answer an offered place. */
const publishSchema = z.object({
  policy: z.enum(['first_come', 'manager_picks'], 'form_invalid'),
  tag: z.string().trim().max(100, 'form_invalid').transform((tag) => tag || null),
  offer_hours: z.number('form_invalid_integer').int('form_invalid_integer').min(1, 'open_shifts_offer_hours_range').max(336, 'open_shifts_offer_hours_range'),
});

function PublishForm({ role, shift }: { role: OpenShiftRole; shift: OpenShift | undefined }) {
  const { t, tError } = useLocale();
  const publish = usePublishOpenShift();
  const close = useCloseOpenShift();
  const errorText = useFormText();
  const form = useZodForm(publishSchema, {
    defaultValues: { policy: shift?.policy ?? 'first_come', tag: shift?.tag ?? '', offer_hours: shift?.offer_hours ?? 24 },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) => publish.mutate({ mission_role_id: role.id, ...values }));
  const open = shift && shift.status !== 'CLOSED';
  return (
    <form onSubmit={submit} noValidate className="grid gap-3 sm:grid-cols-3" aria-label={t('open_shifts_publish_for', { role: role.name })}>
      <Field label={t('open_shifts_policy')}>
        {(control) => (
          <Select {...control} {...form.register('policy')}>
            <option value="first_come">{t('open_shifts_policy_first_come')}</option>
            <option value="manager_picks">{t('open_shifts_policy_manager_picks')}</option>
          </Select>
        )}
      </Field>
      <Field label={t('open_shifts_tag')} hint={t('open_shifts_tag_hint')} error={errorText(errors.tag)}>
        {(control) => <Input {...control} {...form.register('tag')} maxLength={100} />}
      </Field>
      <Field label={t('open_shifts_offer_hours')} error={errorText(errors.offer_hours)}>
        {(control) => (
          <Input
            {...control}
            type="number"
            min={1}
            max={336}
            {...form.register('offer_hours', { valueAsNumber: true })}
            state={errors.offer_hours ? 'invalid' : 'default'}
          />
        )}
      </Field>
      <div className="flex flex-wrap gap-2 sm:col-span-3">
        <Button type="submit" size="sm" loading={publish.isPending}>
          {open ? t('open_shifts_update') : t('open_shifts_publish')}
        </Button>
        {open ? (
          <Button type="button" size="sm" variant="secondary" loading={close.isPending} onClick={() => close.mutate(shift.id)}>
            {t('open_shifts_close')}
          </Button>
        ) : null}
      </div>
      {publish.isError ? <Alert variant="danger" className="sm:col-span-3">{tError(publish.error)}</Alert> : null}
      {close.isError ? <Alert variant="danger" className="sm:col-span-3">{tError(close.error)}</Alert> : null}
    </form>
  );
}

/**
 * The mission page's open places: per role, publish (policy, tag, answer deadline) or
 * unpublish, and the applicants and waitlist in arrival order with pick / reject.
 */
export function MissionOpenShiftsPanel({ missionId, roles }: { missionId: number; roles: OpenShiftRole[] }) {
  const { t, tError } = useLocale();
  const shifts = useMissionOpenShifts(missionId);
  const decide = useDecideApplication();
  if (shifts.isPending) return <Spinner label={t('open_shifts_loading')} />;
  if (shifts.isError) return <ErrorState error={shifts.error} onRetry={() => void shifts.refetch()} />;
  const byRole = new Map(shifts.data.items.map((s) => [s.mission_role_id, s]));
  return (
    <div className="space-y-6">
      {decide.isError ? <Alert variant="danger">{tError(decide.error)}</Alert> : null}
      {roles.map((role) => {
        const shift = byRole.get(role.id);
        const active = (shift?.applications ?? []).filter((a) => a.status !== 'CLOSED');
        return (
          <section key={role.id} className="space-y-3" aria-labelledby={`open-shift-role-${role.id}`}>
            <div className="flex flex-wrap items-center gap-2">
              <h3 id={`open-shift-role-${role.id}`} className="font-medium">{role.name}</h3>
              {shift ? <Badge variant={shift.status === 'OPEN' ? 'success' : 'neutral'}>{t(STATUS_LABELS[shift.status])}</Badge> : null}
              {shift ? (
                <span className="text-sm text-muted-foreground">
                  {t('open_shifts_counts', { taken: shift.taken, quota: shift.quota, waitlisted: shift.waitlisted })}
                </span>
              ) : null}
            </div>
            <PublishForm key={shift?.updated_at ?? 'new'} role={role} shift={shift} />
            {active.length > 0 ? (
              <ul className="space-y-2" aria-label={t('open_shifts_applicants_of', { role: role.name })}>
                {active.map((a) => {
                  const name = `${a.first_name} ${a.last_name}`;
                  return (
                    <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
                      <span className="flex items-center gap-2">
                        {name} <ApplicationStatus application={a} />
                      </span>
                      {a.status === 'PENDING' || a.status === 'WAITLISTED' ? (
                        <span className="flex gap-2">
                          <Button size="sm" disabled={decide.isPending} aria-label={`${t('open_shifts_pick')} - ${name}`} onClick={() => decide.mutate({ id: a.id, action: 'pick' })}>
                            {t('open_shifts_pick')}
                          </Button>
                          <Button size="sm" variant="secondary" disabled={decide.isPending} aria-label={`${t('open_shifts_reject')} - ${name}`} onClick={() => decide.mutate({ id: a.id, action: 'reject' })}>
                            {t('open_shifts_reject')}
                          </Button>
                        </span>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}

/**
 * The webhooks page (`/plugins/webhooks/endpoints`, admins): the org's endpoints, a form
 * to add one (its signing secret shown once), and per endpoint enable/disable, a signed
 * test request, a new secret, delete, and its delivery log with "send again". Everything
 * the plugin's API offers (docs/webhooks.md).
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
  useFormText,
  useZodForm,
  z,
} from '@coulisses/plugin-ui';
import { useState } from 'react';

import {
  useCreateEndpoint,
  useDeleteEndpoint,
  useDeliveries,
  useEndpoints,
  useEventTypes,
  usePing,
  useRedeliver,
  useRotateSecret,
  useSetActive,
  type Endpoint,
  type EndpointWithSecret,
} from './api';
import { statusLabel, useText } from './texts';

const ALL = '*';
const CHECKBOX = 'size-4 rounded border-border accent-primary';

const newSchema = z
  .object({
    url: z.string().trim().min(1, 'form_required'),
    description: z.string().max(500, 'form_invalid'),
    all: z.boolean(),
    events: z.array(z.string()),
  })
  .superRefine((draft, ctx) => {
    if (!draft.all && draft.events.length === 0) ctx.addIssue({ code: 'custom', path: ['events'], message: 'events_required' });
  });

function SecretShown({ shown, onDone }: { shown: EndpointWithSecret; onDone: () => void }) {
  const { t } = useText();
  return (
    <Alert variant="success">
      <p className="font-medium">{t('secret_title', { url: shown.url })}</p>
      <p className="mt-1 text-sm">{t('secret_hint')}</p>
      <code className="mt-2 block select-all break-all rounded bg-surface px-2 py-1 font-mono text-sm">{shown.secret}</code>
      <Button className="mt-3" variant="secondary" onClick={onDone}>
        {t('hide_secret')}
      </Button>
    </Alert>
  );
}

function NewEndpoint({ onCreated }: { onCreated: (endpoint: EndpointWithSecret) => void }) {
  const { t, tError } = useText();
  const kinds = useEventTypes();
  const create = useCreateEndpoint();
  const errorText = useFormText((key) => (key === 'events_required' ? t('events_required') : undefined));
  const form = useZodForm(newSchema, { defaultValues: { url: '', description: '', all: true, events: [] } });
  const { errors } = form.formState;
  const [all, events] = form.watch(['all', 'events']);

  const submit = form.handleSubmit((draft) => {
    create.mutate(
      { url: draft.url, description: draft.description, event_types: draft.all ? [ALL] : draft.events },
      {
        onSuccess: (made) => {
          form.reset();
          onCreated(made);
        },
      },
    );
  });
  const toggle = (kind: string, on: boolean) => {
    const chosen = new Set(events);
    if (on) chosen.add(kind);
    else chosen.delete(kind);
    form.setValue('events', (kinds.data?.event_types ?? []).filter((k) => chosen.has(k)), { shouldValidate: form.formState.isSubmitted });
  };

  return (
    <Card className="space-y-4">
      <CardTitle>{t('new_title')}</CardTitle>
      <form className="space-y-4" noValidate onSubmit={submit}>
        <Field label={t('url')} error={errorText(errors.url)}>
          {(control) => <Input {...control} type="url" inputMode="url" placeholder="https://" {...form.register('url')} />}
        </Field>
        <Field label={t('description')} error={errorText(errors.description)}>
          {(control) => <Input {...control} maxLength={500} {...form.register('description')} />}
        </Field>
        <fieldset className="min-w-0 space-y-2 rounded-md border border-border px-3 py-2">
          <legend className="px-1 text-sm font-medium">{t('events')}</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" className={CHECKBOX} {...form.register('all')} />
            {t('all_events')}
          </label>
          {!all ? (
            <div className="grid gap-1 sm:grid-cols-2">
              {(kinds.data?.event_types ?? []).filter((kind) => kind !== ALL).map((kind) => (
                <label key={kind} className="flex min-w-0 items-center gap-2 text-sm">
                  <input type="checkbox" className={CHECKBOX} checked={events.includes(kind)} onChange={(e) => toggle(kind, e.target.checked)} />
                  <span className="break-all font-mono text-xs">{kind}</span>
                </label>
              ))}
            </div>
          ) : null}
          {errors.events ? <p className="text-sm text-danger">{errorText(errors.events)}</p> : null}
        </fieldset>
        {create.isError ? <Alert variant="danger">{tError(create.error)}</Alert> : null}
        <Button type="submit" loading={create.isPending}>
          {t('create')}
        </Button>
      </form>
    </Card>
  );
}

function DeliveryLog({ endpoint }: { endpoint: Endpoint }) {
  const { t, tError, locale } = useText();
  const { formatDateTime } = useDates();
  const log = useDeliveries(endpoint.id, true);
  const again = useRedeliver();
  if (log.isPending) return <Spinner label={t('loading')} />;
  if (log.isError) return <ErrorState error={log.error} onRetry={() => void log.refetch()} />;
  if (!log.data.items.length) return <p className="text-sm text-muted-foreground">{t('log_empty')}</p>;
  return (
    <div className="space-y-2">
      {again.isError ? <Alert variant="danger">{tError(again.error)}</Alert> : null}
      {/* relative: the header's hidden text is positioned inside the scrolling box, not past the page's edge */}
      <div className="relative overflow-x-auto" role="region" aria-label={t('log_of', { url: endpoint.url })} tabIndex={0}>
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-muted-foreground">
            <tr>
              <th className="py-1 pr-3 font-medium">{t('col_event')}</th>
              <th className="py-1 pr-3 font-medium">{t('col_status')}</th>
              <th className="py-1 pr-3 font-medium">{t('col_attempts')}</th>
              <th className="py-1 pr-3 font-medium">{t('col_response')}</th>
              <th className="py-1 pr-3 font-medium">{t('col_date')}</th>
              <th className="py-1 font-medium">
                <span className="sr-only">{t('redeliver')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {log.data.items.map((d) => (
              <tr key={d.id} className="border-t border-border align-top">
                <td className="py-1 pr-3 font-mono text-xs">{d.event_type}</td>
                <td className="py-1 pr-3">{statusLabel(locale, d.status)}</td>
                <td className="py-1 pr-3 tabular-nums">{d.attempts}</td>
                <td className="py-1 pr-3 tabular-nums">{d.last_http_status ?? '-'}</td>
                <td className="whitespace-nowrap py-1 pr-3">{formatDateTime(d.delivered_at ?? d.created_at)}</td>
                <td className="py-1">
                  {d.status !== 'notice' ? (
                    <Button
                      size="sm"
                      variant="secondary"
                      aria-label={t('redeliver_of', { event: d.event_type })}
                      disabled={!endpoint.active}
                      loading={again.isPending && again.variables?.delivery === d.id}
                      onClick={() => again.mutate({ endpoint: endpoint.id, delivery: d.id })}
                    >
                      {t('redeliver')}
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

type Asking = { kind: 'rotate' | 'delete'; endpoint: Endpoint } | null;

function EndpointItem({ endpoint, onAsk }: { endpoint: Endpoint; onAsk: (asking: Asking) => void }) {
  const { t, tError } = useText();
  const setActive = useSetActive();
  const ping = usePing();
  const [logOpen, setLogOpen] = useState(false);
  const everything = endpoint.event_types.includes(ALL);
  const failed = setActive.error ?? ping.error;
  return (
    <li className="space-y-2 border-t border-border py-3 first:border-t-0">
      <div className="flex flex-wrap items-center gap-2">
        <span className="min-w-0 break-all font-mono text-sm">{endpoint.url}</span>
        <Badge variant={endpoint.active ? 'success' : 'neutral'}>{endpoint.active ? t('active') : t('inactive')}</Badge>
        {endpoint.consecutive_failures ? <Badge variant="danger">{t('failures', { count: endpoint.consecutive_failures })}</Badge> : null}
      </div>
      {endpoint.description ? <p className="text-sm">{endpoint.description}</p> : null}
      <p className="break-words text-xs text-muted-foreground">{everything ? t('all_events') : endpoint.event_types.join(', ')}</p>
      <div className="flex flex-wrap gap-2" role="group" aria-label={t('actions_of', { url: endpoint.url })}>
        <Button size="sm" variant="secondary" loading={setActive.isPending} onClick={() => setActive.mutate({ id: endpoint.id, active: !endpoint.active })}>
          {endpoint.active ? t('disable') : t('enable')}
        </Button>
        <Button size="sm" variant="secondary" disabled={!endpoint.active} loading={ping.isPending} onClick={() => ping.mutate(endpoint.id, { onSuccess: () => setLogOpen(true) })}>
          {t('ping')}
        </Button>
        <Button size="sm" variant="secondary" onClick={() => onAsk({ kind: 'rotate', endpoint })}>
          {t('rotate')}
        </Button>
        <Button size="sm" variant="danger" onClick={() => onAsk({ kind: 'delete', endpoint })}>
          {t('delete')}
        </Button>
        <Button size="sm" variant="ghost" aria-expanded={logOpen} onClick={() => setLogOpen((open) => !open)}>
          {t('log')}
        </Button>
      </div>
      {ping.isSuccess ? <p className="text-sm text-muted-foreground" role="status">{t('ping_sent')}</p> : null}
      {failed ? <Alert variant="danger">{tError(failed)}</Alert> : null}
      {logOpen ? <DeliveryLog endpoint={endpoint} /> : null}
    </li>
  );
}

export default function WebhooksPage() {
  const { t, tError } = useText();
  const endpoints = useEndpoints();
  const rotate = useRotateSecret();
  const remove = useDeleteEndpoint();
  const [shown, setShown] = useState<EndpointWithSecret | null>(null);
  const [asking, setAsking] = useState<Asking>(null);

  const confirm = () => {
    if (!asking) return;
    const done = { onSettled: () => setAsking(null) };
    if (asking.kind === 'rotate') rotate.mutate(asking.endpoint.id, { ...done, onSuccess: (made) => setShown(made) });
    else remove.mutate(asking.endpoint.id, done);
  };
  const failed = rotate.error ?? remove.error;

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="text-sm text-muted-foreground">{t('intro')}</p>
      </header>
      {shown ? <SecretShown shown={shown} onDone={() => setShown(null)} /> : null}
      <NewEndpoint onCreated={setShown} />
      <Card className="space-y-3">
        <CardTitle>{t('endpoints_title')}</CardTitle>
        {failed ? <Alert variant="danger">{tError(failed)}</Alert> : null}
        {endpoints.isPending ? (
          <Spinner label={t('loading')} />
        ) : endpoints.isError ? (
          <ErrorState error={endpoints.error} onRetry={() => void endpoints.refetch()} />
        ) : endpoints.data.items.length ? (
          <ul>
            {endpoints.data.items.map((endpoint) => (
              <EndpointItem key={endpoint.id} endpoint={endpoint} onAsk={setAsking} />
            ))}
          </ul>
        ) : (
          <EmptyState title={t('empty')} />
        )}
        <CardDescription>{t('signature_hint')}</CardDescription>
      </Card>
      <ConfirmDialog
        open={asking !== null}
        title={asking ? t(asking.kind === 'rotate' ? 'rotate_title' : 'delete_title', { url: asking.endpoint.url }) : ''}
        description={asking ? t(asking.kind === 'rotate' ? 'rotate_body' : 'delete_body') : ''}
        confirmLabel={asking?.kind === 'delete' ? t('delete') : t('rotate')}
        cancelLabel={t('cancel')}
        destructive={asking?.kind === 'delete'}
        loading={rotate.isPending || remove.isPending}
        onConfirm={confirm}
        onCancel={() => setAsking(null)}
      />
    </div>
  );
}

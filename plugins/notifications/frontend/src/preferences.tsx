/**
 * The notification settings page (`/plugins/notifications/preferences`): channels per
 * kind of message, language of messages, quiet hours, and the Telegram link (status,
 * a one-time link code, unlink). Everything the plugin's API offers the member.
 */
import {
  Alert,
  Button,
  Card,
  CardDescription,
  CardTitle,
  ConfirmDialog,
  ErrorState,
  Field,
  Input,
  Link,
  Spinner,
  TIME_OF_DAY,
  useDates,
  useFormText,
  useZodForm,
  z,
} from '@coulisses/plugin-ui';
import { useState } from 'react';

import {
  usePreferences,
  useTelegramLinkCode,
  useTelegramStatus,
  useTelegramUnlink,
  useUpdatePreferences,
  type Preferences,
  type PreferencesUpdate,
} from './api';
import { INBOX_PATH } from './paths';
import { channelLabel, kindLabel, useText } from './texts';

/** The settings as edited; own quiet hours need both ends. */
const draftSchema = z
  .object({
    locale: z.enum(['', 'fr', 'en'], 'form_invalid'),
    fromOrg: z.boolean(),
    // A disabled field (the org's hours) has no value.
    quietStart: z.string().optional(),
    quietEnd: z.string().optional(),
    channels: z.record(z.string(), z.array(z.string())),
  })
  .superRefine((draft, ctx) => {
    if (draft.fromOrg) return;
    for (const key of ['quietStart', 'quietEnd'] as const) {
      if (!TIME_OF_DAY.test(draft[key] ?? '')) ctx.addIssue({ code: 'custom', path: [key], message: 'form_required' });
    }
  });

interface Draft {
  locale: '' | 'fr' | 'en';
  fromOrg: boolean;
  quietStart: string;
  quietEnd: string;
  channels: Record<string, string[]>;
}

function draftOf(prefs: Preferences): Draft {
  return {
    locale: prefs.locale === 'fr' || prefs.locale === 'en' ? prefs.locale : '',
    fromOrg: prefs.quiet_hours_from_org,
    quietStart: prefs.quiet_start,
    quietEnd: prefs.quiet_end,
    channels: Object.fromEntries(prefs.kinds.map((kind) => [kind, prefs.channels[kind] ?? []])),
  };
}

function updateOf(draft: Omit<Draft, 'quietStart' | 'quietEnd'> & { quietStart?: string; quietEnd?: string }): PreferencesUpdate {
  return {
    locale: draft.locale === '' ? null : draft.locale,
    quiet_start: draft.fromOrg ? null : (draft.quietStart ?? null),
    quiet_end: draft.fromOrg ? null : (draft.quietEnd ?? null),
    channels: draft.channels,
  };
}

const CHECKBOX = 'size-4 rounded border-border accent-primary';

function PreferencesForm({ prefs }: { prefs: Preferences }) {
  const { t, tError, locale } = useText();
  const save = useUpdatePreferences();
  const { formatZone } = useDates();
  const errorText = useFormText();
  const form = useZodForm(draftSchema, { defaultValues: draftOf(prefs) });
  const { errors } = form.formState;
  const [channels, fromOrg] = form.watch(['channels', 'fromOrg']);
  const [saved, setSaved] = useState(false);

  const toggle = (kind: string, channel: string, on: boolean) => {
    setSaved(false);
    const chosen = new Set(channels[kind] ?? []);
    if (on) chosen.add(channel);
    else chosen.delete(channel);
    // The API's order of channels, whatever the order of the clicks.
    form.setValue('channels', { ...channels, [kind]: prefs.available_channels.filter((c) => chosen.has(c)) });
  };
  const submit = form.handleSubmit((draft) => {
    setSaved(false);
    save.mutate(updateOf(draft), {
      onSuccess: (next) => {
        form.reset(draftOf(next));
        setSaved(true);
      },
    });
  });

  return (
    <form className="space-y-6" noValidate onSubmit={submit}>
      <Card className="space-y-4">
        <CardTitle>{t('channels_title')}</CardTitle>
        <CardDescription>{t('channels_hint')}</CardDescription>
        <div className="space-y-3">
          {prefs.kinds.map((kind) => (
            <fieldset key={kind} className="rounded-md border border-border px-3 py-2">
              <legend className="px-1 text-sm font-medium">{kindLabel(locale, kind)}</legend>
              <div className="flex flex-wrap gap-x-6 gap-y-2 py-1">
                {prefs.available_channels.map((channel) => (
                  <label key={channel} className="inline-flex min-h-9 items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      className={CHECKBOX}
                      checked={(channels[kind] ?? []).includes(channel)}
                      onChange={(event) => toggle(kind, channel, event.target.checked)}
                    />
                    {channelLabel(locale, channel)}
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
        </div>
      </Card>

      <Card className="space-y-4">
        <Field label={t('language_label')}>
          {(control) => (
            <select
              {...control}
              {...form.register('locale', { onChange: () => setSaved(false) })}
              className="h-10 w-full rounded-md border border-border bg-surface px-3 text-sm sm:w-64"
            >
              <option value="">{t('language_org')}</option>
              <option value="fr">{t('language_fr')}</option>
              <option value="en">{t('language_en')}</option>
            </select>
          )}
        </Field>
      </Card>

      <Card className="space-y-4">
        <CardTitle>{t('quiet_title')}</CardTitle>
        <CardDescription>{t('quiet_hint', { zone: formatZone(prefs.timezone) })}</CardDescription>
        <label className="inline-flex min-h-9 items-center gap-2 text-sm">
          <input
            type="checkbox"
            className={CHECKBOX}
            {...form.register('fromOrg', { onChange: () => setSaved(false) })}
          />
          {t('quiet_from_org')}
        </label>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t('quiet_start')} error={errorText(errors.quietStart)}>
            {(control) => <Input {...control} type="time" disabled={fromOrg} {...form.register('quietStart', { onChange: () => setSaved(false) })} />}
          </Field>
          <Field label={t('quiet_end')} error={errorText(errors.quietEnd)}>
            {(control) => <Input {...control} type="time" disabled={fromOrg} {...form.register('quietEnd', { onChange: () => setSaved(false) })} />}
          </Field>
        </div>
      </Card>

      {save.isError ? <Alert variant="danger">{tError(save.error)}</Alert> : null}
      {saved ? (
        <Alert variant="success">
          {t('saved')}
        </Alert>
      ) : null}
      <Button type="submit" loading={save.isPending}>
        {t('save')}
      </Button>
    </form>
  );
}

function TelegramCard() {
  const { t, tError } = useText();
  const { formatDate } = useDates();
  const status = useTelegramStatus();
  const linkCode = useTelegramLinkCode();
  const unlink = useTelegramUnlink();
  const [confirming, setConfirming] = useState(false);
  const [unlinked, setUnlinked] = useState(false);

  let content;
  if (status.isPending) content = <Spinner label={t('preferences_loading')} />;
  else if (status.isError) content = <ErrorState error={status.error} onRetry={() => void status.refetch()} />;
  else if (!status.data.bot_configured) content = <p className="text-sm text-muted-foreground">{t('telegram_unavailable')}</p>;
  else if (status.data.linked) {
    const { username, linked_at: linkedAt } = status.data;
    content = (
      <div className="space-y-3">
        <p className="text-sm">
          {username ? t('telegram_linked_as', { username }) : t('telegram_linked')}
          {linkedAt ? ` ${t('telegram_linked_at', { date: formatDate(linkedAt) })}` : null}
        </p>
        <Button variant="secondary" size="sm" onClick={() => setConfirming(true)}>
          {t('telegram_unlink')}
        </Button>
        <ConfirmDialog
          open={confirming}
          title={t('telegram_unlink_confirm')}
          confirmLabel={t('telegram_unlink')}
          cancelLabel={t('cancel')}
          destructive
          loading={unlink.isPending}
          onConfirm={() =>
            unlink.mutate(undefined, {
              onSuccess: () => {
                linkCode.reset();
                setUnlinked(true);
              },
              onSettled: () => setConfirming(false),
            })
          }
          onCancel={() => setConfirming(false)}
        />
      </div>
    );
  } else {
    const code = linkCode.data;
    content = (
      <div className="space-y-3">
        <p className="text-sm">{t('telegram_not_linked')}</p>
        {code ? (
          <div className="space-y-2 rounded-md border border-border px-3 py-2">
            <p className="font-mono text-sm font-semibold break-all">{t('telegram_code', { code: code.code })}</p>
            <p className="text-sm text-muted-foreground">
              {code.bot_username
                ? t('telegram_code_hint', { code: code.code, bot: code.bot_username, hours: code.expires_in_hours })
                : t('telegram_code_hint_nobot', { code: code.code, hours: code.expires_in_hours })}
            </p>
            {code.url ? (
              <a
                href={code.url}
                target="_blank"
                rel="noopener noreferrer"
                className="text-sm font-medium text-primary underline-offset-4 hover:underline"
              >
                {t('telegram_open')}
              </a>
            ) : null}
          </div>
        ) : null}
        <Button variant="secondary" size="sm" loading={linkCode.isPending} onClick={() => linkCode.mutate()}>
          {t('telegram_get_code')}
        </Button>
      </div>
    );
  }

  const error = linkCode.error ?? unlink.error;
  return (
    <Card className="space-y-3">
      <CardTitle>{t('telegram_title')}</CardTitle>
      {error ? <Alert variant="danger">{tError(error)}</Alert> : null}
      {unlinked && !status.data?.linked ? (
        <Alert variant="success">
          {t('telegram_unlinked')}
        </Alert>
      ) : null}
      {content}
    </Card>
  );
}

export default function PreferencesPage() {
  const { t } = useText();
  const prefs = usePreferences();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t('preferences_title')}</h1>
        <Link to={INBOX_PATH} className="text-sm font-medium text-primary underline-offset-4 hover:underline">
          {t('back_to_inbox')}
        </Link>
      </div>
      {prefs.isPending ? <Spinner label={t('preferences_loading')} /> : null}
      {prefs.isError ? <ErrorState error={prefs.error} onRetry={() => void prefs.refetch()} /> : null}
      {prefs.data ? <PreferencesForm prefs={prefs.data} /> : null}
      <TelegramCard />
    </div>
  );
}

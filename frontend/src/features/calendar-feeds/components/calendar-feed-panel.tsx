import { useId, useState } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card/card';
import { ConfirmDialog } from '@/components/ui/dialog/confirm-dialog';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Input } from '@/components/ui/input/input';
import { Spinner } from '@/components/ui/spinner/spinner';
import { Switch } from '@/components/ui/switch/switch';
import { useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import { useCreateCalendarFeed } from '@/features/calendar-feeds/api/create-calendar-feed';
import { useDeleteCalendarFeed } from '@/features/calendar-feeds/api/delete-calendar-feed';
import {
  useCalendarFeed,
  type CreatedCalendarFeed,
  type IssuableTarget,
} from '@/features/calendar-feeds/api/get-calendar-feed';

const TITLES = {
  mine: 'calendar_feed_title_mine',
  project: 'calendar_feed_title_project',
  place: 'calendar_feed_title_place',
} as const;
const INTROS = {
  mine: 'calendar_feed_intro_mine',
  project: 'calendar_feed_intro_project',
  place: 'calendar_feed_intro_place',
} as const;

/** The address just made: shown once, with a copy button, the webcal:// link and how to subscribe. */
function NewFeedLink({ created }: { created: CreatedCalendarFeed }) {
  const { t } = useLocale();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copyUrl() {
    try {
      await navigator.clipboard.writeText(created.url);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  }

  return (
    <div className="space-y-3">
      <Alert variant="warning">{t('calendar_feed_secret_warning')}</Alert>
      <div className="flex flex-wrap items-center gap-2">
        <Input
          readOnly
          aria-label={t('calendar_feed_url_label')}
          value={created.url}
          className="min-w-0 flex-1 font-mono text-xs"
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button variant="secondary" onClick={() => void copyUrl()}>
          {t('calendar_feed_copy')}
        </Button>
      </div>
      {copy === 'copied' ? <p role="status">{t('calendar_feed_copied')}</p> : null}
      {copy === 'failed' ? <p role="status">{t('calendar_feed_copy_failed')}</p> : null}
      <a
        href={created.webcal_url}
        className="inline-flex text-sm font-medium text-primary underline-offset-4 hover:underline"
      >
        {t('calendar_feed_open_apple')}
      </a>
      <FeedInstructions />
    </div>
  );
}

function FeedInstructions() {
  const { t } = useLocale();
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="space-y-2 text-sm">
      <h3 id={titleId} className="font-medium">
        {t('calendar_feed_how_title')}
      </h3>
      <ul className="list-disc space-y-1 pl-5">
        <li>{t('calendar_feed_how_google')}</li>
        <li>{t('calendar_feed_how_outlook')}</li>
        <li>{t('calendar_feed_how_apple')}</li>
      </ul>
      <p className="text-muted-foreground">{t('calendar_feed_how_delay')}</p>
    </section>
  );
}

/**
 * "Ajouter a mon agenda" (or a project's, a place's calendar): create the ICS feed, show its
 * address once (copy, webcal:// for Apple, instructions), regenerate it (confirmed: the old
 * address dies) or delete it. The API never shows an address again after its creation.
 */
export function CalendarFeedPanel({ target }: { target: IssuableTarget }) {
  const { t, tError } = useLocale();
  const { formatDateTime } = useDates();
  const feed = useCalendarFeed(target);
  const create = useCreateCalendarFeed(target);
  const remove = useDeleteCalendarFeed(target);
  const [includeInvited, setIncludeInvited] = useState(false);
  const [created, setCreated] = useState<CreatedCalendarFeed | null>(null);
  const [confirm, setConfirm] = useState<'regenerate' | 'delete' | null>(null);
  const switchLabelId = useId();
  const titleId = useId();

  function issue(options?: { include_invited: boolean }) {
    remove.reset();
    create.mutate(options, {
      onSuccess: (answer) => setCreated(answer),
      onSettled: () => setConfirm(null),
    });
  }

  const current = feed.data ?? null;
  const error = create.error ?? remove.error;
  return (
    <Card role="region" aria-labelledby={titleId}>
      <CardHeader>
        <CardTitle id={titleId}>{t(TITLES[target.kind])}</CardTitle>
        <CardDescription>{t(INTROS[target.kind])}</CardDescription>
      </CardHeader>
      <div className="space-y-4">
        {error ? <Alert variant="danger">{tError(error)}</Alert> : null}
        {feed.isPending ? (
          <Spinner label={t('calendar_feed_loading')} />
        ) : feed.isError ? (
          <ErrorState error={feed.error} onRetry={() => void feed.refetch()} />
        ) : current === null ? (
          <div className="space-y-4">
            {target.kind === 'mine' ? (
              <div className="flex items-center gap-3">
                <Switch
                  checked={includeInvited}
                  aria-labelledby={switchLabelId}
                  onCheckedChange={setIncludeInvited}
                />
                <span id={switchLabelId} className="text-sm">
                  {t('calendar_feed_include_invited')}
                </span>
              </div>
            ) : null}
            <Button
              loading={create.isPending}
              onClick={() => issue(target.kind === 'mine' ? { include_invited: includeInvited } : undefined)}
            >
              {t('calendar_feed_create')}
            </Button>
          </div>
        ) : (
          <div className="space-y-4">
            <div className="space-y-1 text-sm">
              <p>{t('calendar_feed_active', { date: formatDateTime(current.created_at) })}</p>
              <p className="text-muted-foreground">
                {current.last_polled_at
                  ? t('calendar_feed_last_polled', { date: formatDateTime(current.last_polled_at) })
                  : t('calendar_feed_never_polled')}
              </p>
              {target.kind === 'mine' && current.include_invited ? (
                <p className="text-muted-foreground">{t('calendar_feed_with_invited')}</p>
              ) : null}
            </div>
            {created && created.id === current.id ? (
              <NewFeedLink created={created} />
            ) : (
              <p className="text-sm text-muted-foreground">{t('calendar_feed_hidden_hint')}</p>
            )}
            <div className="flex flex-wrap gap-3">
              <Button variant="secondary" onClick={() => setConfirm('regenerate')}>
                {t('calendar_feed_regenerate')}
              </Button>
              <Button variant="ghost" className="text-danger" onClick={() => setConfirm('delete')}>
                {t('calendar_feed_delete')}
              </Button>
            </div>
          </div>
        )}
      </div>
      <ConfirmDialog
        open={confirm === 'regenerate'}
        title={t('calendar_feed_regenerate_title')}
        description={t('calendar_feed_regenerate_confirm')}
        confirmLabel={t('calendar_feed_regenerate_action')}
        cancelLabel={t('action_cancel')}
        loading={create.isPending}
        onCancel={() => setConfirm(null)}
        onConfirm={() =>
          issue(target.kind === 'mine' ? { include_invited: current?.include_invited ?? false } : undefined)
        }
      />
      <ConfirmDialog
        open={confirm === 'delete'}
        title={t('calendar_feed_delete_title')}
        description={t('calendar_feed_delete_confirm')}
        confirmLabel={t('calendar_feed_delete_action')}
        cancelLabel={t('action_cancel')}
        destructive
        loading={remove.isPending}
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          create.reset();
          remove.mutate(undefined, {
            onSuccess: () => setCreated(null),
            onSettled: () => setConfirm(null),
          });
        }}
      />
    </Card>
  );
}

import { useState } from 'react';

import { useSession } from '@/app/session-context';
import { Field } from '@/components/ui/field/field';
import { Select } from '@/components/ui/select/select';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/lib/i18n/use-locale';
import { can } from '@/lib/actions';
import { CalendarFeedPanel } from '@/features/calendar-feeds/components/calendar-feed-panel';
import { usePlaces } from '@/features/places/api/list-places';
import { PlacesManager } from '@/features/places/components/places-manager';

/** Managers: pick a place, then create, regenerate or delete its ICS feed. */
function PlaceCalendarFeeds() {
  const { t } = useLocale();
  const places = usePlaces();
  const [chosen, setChosen] = useState<number | null>(null);
  const items = places.data?.items ?? [];
  const placeId = items.some((p) => p.id === chosen) ? chosen : (items[0]?.id ?? null);
  if (placeId === null) return null;
  return (
    <div className="space-y-3">
      <Field label={t('calendar_feed_place_pick')} className="max-w-sm">
        {(control) => (
          <Select {...control} value={placeId} onChange={(event) => setChosen(Number(event.target.value))}>
            {items.map((place) => (
              <option key={place.id} value={place.id}>
                {place.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <CalendarFeedPanel key={placeId} target={{ kind: 'place', id: placeId }} />
    </div>
  );
}

export function PlacesRoute() {
  const { t } = useLocale();
  const { me } = useSession();
  useDocumentTitle(t('places_title'));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('places_title')}</h1>
        <p className="mt-1 text-muted-foreground">{t('places_subtitle')}</p>
      </div>
      <PlacesManager canManage={can(me.actions, 'places.manage')} />
      {can(me.actions, 'calendar_feeds.manage') ? <PlaceCalendarFeeds /> : null}
    </div>
  );
}

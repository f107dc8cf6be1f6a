import { useState } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { ConfirmDialog } from '@/components/ui/dialog/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state/empty-state';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Field } from '@/components/ui/field/field';
import { Input } from '@/components/ui/input/input';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useDates, zoneLabel } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import { useCreatePlace } from '@/features/places/api/create-place';
import { useDeletePlace } from '@/features/places/api/delete-place';
import { usePlaces, type Place } from '@/features/places/api/list-places';
import { useUpdatePlace } from '@/features/places/api/update-place';
import { PlaceForm } from '@/features/places/components/place-form';
import { emptyPlaceForm, placeFormFrom } from '@/features/places/utils/place-form';

type Editing = { mode: 'new' } | { mode: 'edit'; place: Place } | null;

/**
 * The org's places: search, and for managers and up, create, edit (name, address,
 * timezone, coordinates, notes) and delete (only a place no mission uses). One
 * column of cards on a phone, a row per place from the tablet up.
 */
export function PlacesManager({ canManage }: { canManage: boolean }) {
  const { t, tError } = useLocale();
  const { timeZone: orgZone } = useDates();
  const [q, setQ] = useState('');
  const places = usePlaces(q);
  const create = useCreatePlace();
  const update = useUpdatePlace();
  const remove = useDeletePlace();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Place | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const open = (next: Editing) => {
    create.reset();
    update.reset();
    remove.reset();
    setDone(null);
    setEditing(next);
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <Field label={t('places_search')} className="w-full sm:w-80">
          {(p) => <Input {...p} type="search" value={q} onChange={(e) => setQ(e.target.value)} />}
        </Field>
        {canManage && editing?.mode !== 'new' ? <Button onClick={() => open({ mode: 'new' })}>{t('places_new')}</Button> : null}
      </div>
      {done ? <Alert variant="success">{done}</Alert> : null}
      {remove.isError ? <Alert variant="danger">{tError(remove.error)}</Alert> : null}
      {editing?.mode === 'new' ? (
        <PlaceForm
          initial={emptyPlaceForm(orgZone)}
          title={t('places_form_new')}
          submitLabel={t('places_create')}
          pending={create.isPending}
          error={create.error}
          onCancel={() => setEditing(null)}
          onSubmit={(body) =>
            create.mutate(body, {
              onSuccess: (place) => {
                setEditing(null);
                setDone(t('places_created', { name: place.name }));
              },
            })
          }
        />
      ) : null}
      {places.isPending ? <Spinner label={t('places_loading')} /> : null}
      {places.isError ? <ErrorState error={places.error} onRetry={() => void places.refetch()} /> : null}
      {places.isSuccess && places.data.items.length === 0 ? (
        <EmptyState title={q.trim() ? t('places_empty_search', { q: q.trim() }) : t('places_empty')} />
      ) : null}
      {places.isSuccess && places.data.items.length ? (
        <>
          <p className="text-sm text-muted-foreground" role="status">
            {t('places_count', { count: places.data.total })}
          </p>
          <ul aria-label={t('places_title')} className="divide-y divide-border rounded-lg border border-border bg-surface">
            {places.data.items.map((place) =>
              editing?.mode === 'edit' && editing.place.id === place.id ? (
                <li key={place.id} className="p-2">
                  <PlaceForm
                    initial={placeFormFrom(place)}
                    title={t('places_form_edit', { name: place.name })}
                    submitLabel={t('places_save')}
                    pending={update.isPending}
                    error={update.error}
                    onCancel={() => setEditing(null)}
                    onSubmit={(body) =>
                      update.mutate(
                        { placeId: place.id, ...body },
                        {
                          onSuccess: (saved) => {
                            setEditing(null);
                            setDone(t('places_saved', { name: saved.name }));
                          },
                        },
                      )
                    }
                  />
                </li>
              ) : (
                <li key={place.id} className="grid gap-2 px-4 py-3 md:grid-cols-[minmax(0,2fr)_minmax(0,1.5fr)_auto_auto] md:items-center md:gap-4">
                  <div className="min-w-0">
                    <h3 className="font-medium break-words">{place.name}</h3>
                    {place.address ? <p className="text-sm break-words text-muted-foreground">{place.address}</p> : null}
                    {place.notes ? <p className="text-xs break-words text-muted-foreground">{place.notes}</p> : null}
                  </div>
                  <p className="text-sm">
                    <span className="font-medium">{zoneLabel(place.timezone)}</span>{' '}
                    <span className="text-muted-foreground">({place.timezone})</span>
                  </p>
                  <p className="text-sm text-muted-foreground">{t('places_missions', { count: place.mission_count })}</p>
                  {canManage ? (
                    <div className="flex flex-wrap gap-1 md:justify-end">
                      <Button variant="secondary" size="sm" aria-label={t('places_edit_of', { name: place.name })} onClick={() => open({ mode: 'edit', place })}>
                        {t('places_edit')}
                      </Button>
                      <Button
                        variant="ghost"
                        size="sm"
                        className="text-danger"
                        aria-label={t('places_delete_of', { name: place.name })}
                        disabled={place.mission_count > 0}
                        title={place.mission_count > 0 ? t('places_in_use_hint') : undefined}
                        onClick={() => {
                          open(null);
                          setDeleting(place);
                        }}
                      >
                        {t('places_delete')}
                      </Button>
                    </div>
                  ) : null}
                </li>
              ),
            )}
          </ul>
        </>
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={t('places_delete_title')}
        description={deleting ? t('places_delete_confirm', { name: deleting.name }) : undefined}
        confirmLabel={t('places_delete')}
        cancelLabel={t('action_cancel')}
        destructive
        loading={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (!deleting) return;
          const name = deleting.name;
          remove.mutate(deleting.id, {
            onSuccess: () => setDone(t('places_deleted', { name })),
            onSettled: () => setDeleting(null),
          });
        }}
      />
    </div>
  );
}

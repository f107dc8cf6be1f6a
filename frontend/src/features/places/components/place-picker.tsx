import { Select } from '@/components/ui/select/select';
import { useDates, zoneLabel } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import type { FieldControlProps } from '@/components/ui/field/field';
import { usePlaces, type Place } from '@/features/places/api/list-places';

/**
 * Chooses the place of a mission among the org's places; each one on another clock
 * than the org's says which ("Theatre Outremont (Montreal)"). No place: the org's clock.
 */
export function PlacePicker({
  value,
  onChange,
  ...control
}: FieldControlProps & { value: number | null; onChange: (place: Place | null) => void }) {
  const { t } = useLocale();
  const { timeZone: orgZone } = useDates();
  const places = usePlaces();
  const items = places.data?.items ?? [];
  return (
    <Select
      {...control}
      value={value === null ? '' : String(value)}
      disabled={places.isPending}
      onChange={(event) => {
        const id = Number(event.target.value);
        onChange(items.find((p) => p.id === id) ?? null);
      }}
    >
      <option value="">{places.isPending ? t('places_loading') : t('place_picker_none')}</option>
      {items.map((place) => (
        <option key={place.id} value={place.id}>
          {place.timezone === orgZone ? place.name : t('place_picker_option', { name: place.name, zone: zoneLabel(place.timezone) })}
        </option>
      ))}
    </Select>
  );
}

/**
 * The place form as text fields, checked before sending (the server checks again and
 * answers with the same rules): a name, an IANA timezone the browser knows, both
 * coordinates or neither, within their ranges.
 */
import { z } from 'zod';

import { isTimeZone } from '@/lib/dates';

export interface PlaceFormValues {
  name: string;
  address: string;
  timezone: string;
  latitude: string;
  longitude: string;
  notes: string;
}

export type PlaceFormField = 'name' | 'timezone' | 'latitude' | 'longitude';
export type PlaceFormProblem = 'required' | 'too_long' | 'invalid_timezone' | 'coordinates_pair' | 'coordinates_range';
export type PlaceFormErrors = Partial<Record<PlaceFormField, PlaceFormProblem>>;

export interface PlaceLike {
  name: string;
  address: string;
  timezone: string;
  latitude: number | null;
  longitude: number | null;
  notes: string;
}

export interface PlaceBody {
  name: string;
  address: string;
  timezone: string;
  latitude: number | null;
  longitude: number | null;
  notes: string;
}

export function emptyPlaceForm(timezone: string): PlaceFormValues {
  return { name: '', address: '', timezone, latitude: '', longitude: '', notes: '' };
}

export function placeFormFrom(place: PlaceLike): PlaceFormValues {
  return {
    name: place.name,
    address: place.address,
    timezone: place.timezone,
    latitude: place.latitude === null ? '' : String(place.latitude),
    longitude: place.longitude === null ? '' : String(place.longitude),
    notes: place.notes,
  };
}

/** A decimal number typed the French way too (`45,52`); null for an empty field, NaN for junk. */
export function parseCoordinate(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!trimmed) return null;
  return /^[-+]?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export function placeFormErrors(values: PlaceFormValues): PlaceFormErrors {
  const errors: PlaceFormErrors = {};
  const name = values.name.trim();
  if (!name) errors.name = 'required';
  else if (name.length > 200) errors.name = 'too_long';
  if (!isTimeZone(values.timezone.trim())) errors.timezone = 'invalid_timezone';
  const latitude = parseCoordinate(values.latitude);
  const longitude = parseCoordinate(values.longitude);
  if ((latitude === null) !== (longitude === null)) {
    errors[latitude === null ? 'latitude' : 'longitude'] = 'coordinates_pair';
  }
  if (latitude !== null && !(Math.abs(latitude) <= 90)) errors.latitude = 'coordinates_range';
  if (longitude !== null && !(Math.abs(longitude) <= 180)) errors.longitude = 'coordinates_range';
  return errors;
}

/** The body of a creation, or of an update (every field: the form shows them all). */
export function placeBody(values: PlaceFormValues): PlaceBody {
  return {
    name: values.name.trim(),
    address: values.address.trim(),
    timezone: values.timezone.trim(),
    latitude: parseCoordinate(values.latitude),
    longitude: parseCoordinate(values.longitude),
    notes: values.notes.trim(),
  };
}

/**
 * The form's schema (lib/forms.ts): the checks of `placeFormErrors`, each under its field
 * as the catalog key `places_error_<problem>`; the parsed value is the body to send.
 */
export const placeSchema = z
  .object({
    name: z.string(),
    address: z.string(),
    timezone: z.string(),
    latitude: z.string(),
    longitude: z.string(),
    notes: z.string(),
  })
  .superRefine((values, ctx) => {
    for (const [field, problem] of Object.entries(placeFormErrors(values))) {
      ctx.addIssue({ code: 'custom', path: [field], message: `places_error_${problem}` });
    }
  })
  // Spread: a form's values are a plain record (an interface has no index signature).
  .transform((values) => ({ ...placeBody(values) }));

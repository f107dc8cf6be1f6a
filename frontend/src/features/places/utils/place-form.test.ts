import { describe, expect, it } from 'vitest';

import {
  emptyPlaceForm,
  parseCoordinate,
  placeBody,
  placeFormErrors,
  placeFormFrom,
  placeSchema,
  type PlaceFormValues,
} from '@/features/places/utils/place-form';

const valid: PlaceFormValues = {
  name: ' Theatre Outremont ',
  address: '1248 avenue Bernard',
  timezone: 'America/Montreal',
  latitude: '45,5231',
  longitude: '-73.6076',
  notes: '',
};

describe('place form', () => {
  it.each([
    ['', null],
    ['  ', null],
    ['45.5', 45.5],
    ['45,5', 45.5],
    ['-73', -73],
    ['+2.35', 2.35],
    ['north', Number.NaN],
    ['1e3', Number.NaN],
  ])('reads the coordinate %j as %s', (text, expected) => {
    expect(parseCoordinate(text)).toBe(expected);
  });

  it('gives the form each problem under its field as a catalog key, and the body when valid', () => {
    const bad = placeSchema.safeParse({ ...valid, name: ' ', latitude: '' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['name', 'places_error_required'],
      ['latitude', 'places_error_coordinates_pair'],
    ]);
    expect(placeSchema.parse(valid)).toEqual(placeBody(valid));
  });

  it('accepts a Montreal place and trims what it sends', () => {
    expect(placeFormErrors(valid)).toEqual({});
    expect(placeBody(valid)).toEqual({
      name: 'Theatre Outremont',
      address: '1248 avenue Bernard',
      timezone: 'America/Montreal',
      latitude: 45.5231,
      longitude: -73.6076,
      notes: '',
    });
  });

  it.each([
    [{ name: ' ' }, { name: 'required' }],
    [{ name: 'x'.repeat(201) }, { name: 'too_long' }],
    [{ timezone: 'Mars/Olympus' }, { timezone: 'invalid_timezone' }],
    [{ timezone: '' }, { timezone: 'invalid_timezone' }],
    [{ longitude: '' }, { longitude: 'coordinates_pair' }],
    [{ latitude: '' }, { latitude: 'coordinates_pair' }],
    [{ latitude: '91' }, { latitude: 'coordinates_range' }],
    [{ longitude: '-180.5' }, { longitude: 'coordinates_range' }],
    [{ latitude: 'north' }, { latitude: 'coordinates_range' }],
  ])('flags %j as %j', (change, errors) => {
    expect(placeFormErrors({ ...valid, ...change })).toEqual(errors);
  });

  it('starts empty in the org timezone and edits a place as text', () => {
    expect(emptyPlaceForm('Europe/Paris')).toEqual({
      name: '',
      address: '',
      timezone: 'Europe/Paris',
      latitude: '',
      longitude: '',
      notes: '',
    });
    expect(
      placeFormFrom({ name: 'Cour', address: '', timezone: 'Europe/Paris', latitude: null, longitude: null, notes: 'n' }),
    ).toEqual({ name: 'Cour', address: '', timezone: 'Europe/Paris', latitude: '', longitude: '', notes: 'n' });
  });
});

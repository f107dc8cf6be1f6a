import { describe, expect, it } from 'vitest';

import en from '@/locales/en.json';
import fr from '@/locales/fr.json';
import { ApiError } from '@/lib/api/api-error';
import { errorVars, translateError, translateFieldErrors } from '@/lib/i18n/error-text';

const fill = (template: string, vars: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));

describe('error words', () => {
  it('words an error from its code and the values of its details, in each language', () => {
    const error = new ApiError(422, 'validation.window_too_long', 'The window is longer than 62 days', {
      max_days: 62,
    });
    expect(translateError('fr', error)).toBe(fill(fr.error_validation_window_too_long, { max_days: 62 }));
    expect(translateError('en', error)).toBe(fill(en.error_validation_window_too_long, { max_days: 62 }));
    expect(translateError('fr', error)).not.toContain('longer');
  });

  it('names an unknown code in a generic sentence, never with the API message', () => {
    const error = new ApiError(409, 'widget.melted', 'The widget melted');
    expect(translateError('fr', error)).toBe(fill(fr.error_unknown, { code: 'widget.melted' }));
    expect(translateError('en', error)).toBe(fill(en.error_unknown, { code: 'widget.melted' }));
    expect(translateError('en', error)).not.toContain('The widget melted');
    // An HTTP failure without a body of ours (a proxy's 502) too.
    expect(translateError('fr', new ApiError(502, 'http.502', 'Bad Gateway'))).toBe(fill(fr.error_unknown, { code: 'http.502' }));
  });

  it('writes calendar dates in the UI language and a timezone by its city', () => {
    expect(errorVars('fr', { starts_on: '2027-07-10', timezone: 'America/Montreal', days: ['2027-07-01', '2027-07-02'] })).toEqual({
      starts_on: '10 juil. 2027',
      timezone: 'heure de Montreal',
      days: '1 juil. 2027, 2 juil. 2027',
    });
    expect(errorVars('en', { starts_on: '2027-07-10', timezone: 'Europe/Paris' })).toEqual({
      starts_on: 'Jul 10, 2027',
      timezone: 'Paris time',
    });
    // Objects and booleans are no sentence material.
    expect(errorVars('fr', { missions: [{ id: 1 }], reserve: true })).toEqual({});
  });

  it('words each field error from its code and params, whatever the API message says', () => {
    const error = new ApiError(400, 'request.validation', 'Invalid request', [
      { key: 'title', message: 'Expected `str` of length <= 200', code: 'field.too_long', params: { max: 200 } },
      { key: 'quota', message: 'Expected `int` >= 0', code: 'field.too_small', params: { min: 0 } },
      { key: 'data', message: 'Object contains unknown field `colour`', code: 'field.unknown', params: { name: 'colour' } },
      { key: 'later', message: 'Something msgspec says' },
    ]);
    expect(translateFieldErrors('fr', error)).toEqual({
      title: fill(fr.error_field_too_long, { max: 200 }),
      quota: fill(fr.error_field_too_small, { min: 0 }),
      data: fill(fr.error_field_unknown, { name: 'colour' }),
      later: fr.error_field_invalid,
    });
    expect(translateFieldErrors('en', error).title).toBe(fill(en.error_field_too_long, { max: 200 }));
    expect(translateFieldErrors('fr', new Error('boom'))).toEqual({});
  });
});

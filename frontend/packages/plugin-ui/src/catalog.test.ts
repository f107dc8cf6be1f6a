import { describe, expect, it } from 'vitest';

import { catalog } from './catalog';

const TEXTS = {
  title: { fr: 'Repas', en: 'Meals' },
  meals_one: { fr: '{count} repas pour {who}', en: '{count} meal for {who}' },
  meals_other: { fr: '{count} repas pour {who}', en: '{count} meals for {who}' },
  status_on_time: { fr: "A l'heure", en: 'On time' },
  failure_catering_closed: { fr: 'Cuisine fermee', en: 'Kitchen closed' },
};

const { text, label, has } = catalog(TEXTS);

describe('catalog', () => {
  it('gives the French text unless the locale is English', () => {
    expect(text('fr', 'title')).toBe('Repas');
    expect(text('de', 'title')).toBe('Repas');
    expect(text('en', 'title')).toBe('Meals');
  });

  it('picks the plural form by the locale rules (French 0 is singular, English 0 is not)', () => {
    expect(text('fr', 'meals', { count: 0, who: 'Ana' })).toBe('0 repas pour Ana');
    expect(text('en', 'meals', { count: 0, who: 'Ana' })).toBe('0 meals for Ana');
    expect(text('en', 'meals', { count: 1, who: 'Ana' })).toBe('1 meal for Ana');
    expect(text('en', 'meals', { count: 2, who: 'Ana' })).toBe('2 meals for Ana');
  });

  it('leaves a placeholder it has no value for, and never reads inherited names', () => {
    expect(text('en', 'meals_one', { count: 1 })).toBe('1 meal for {who}');
    expect(text('en', 'meals_one', { count: 1, who: 'x' })).toBe('1 meal for x');
    const tricky = catalog({ greet: { fr: '{constructor} {toString}', en: '{constructor}' } });
    expect(tricky.text('fr', 'greet')).toBe('{constructor} {toString}');
    expect(tricky.text('fr', 'toString' as 'greet')).toBe('toString');
  });

  it('answers an unknown key with the key itself', () => {
    expect(text('fr', 'missing' as 'title')).toBe('missing');
  });

  it('words an API code by prefix, dots as underscores, else the fallback', () => {
    expect(label('fr', 'status', 'on_time')).toBe("A l'heure");
    expect(label('en', 'failure', 'catering.closed')).toBe('Kitchen closed');
    expect(label('en', 'status', 'late')).toBe('late');
    expect(label('en', 'status', 'late', 'Unknown')).toBe('Unknown');
    expect(has('title')).toBe(true);
    expect(has('meals')).toBe(false);
  });
});

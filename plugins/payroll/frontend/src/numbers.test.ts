import { describe, expect, it } from 'vitest';

import { count, decimal, hoursOf, money, numberLocale } from './numbers';

// fr-FR groups digits with a narrow no-break space and puts a no-break space before the symbol.
const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('numbers', () => {
  it('writes money in the member locale', () => {
    expect(money(123456, 'EUR', 'fr')).toBe(`1${NNBSP}234,56${NBSP}\u20ac`);
    expect(money(123456, 'EUR', 'en')).toBe('\u20ac1,234.56');
    expect(money(-500, 'USD', 'en')).toBe('-US$5.00');
  });

  it('writes hours with at most two decimals', () => {
    expect(hoursOf(30480, 'fr')).toBe('508');
    expect(hoursOf(90, 'fr')).toBe('1,5');
    expect(hoursOf(100, 'en')).toBe('1.67');
    expect(decimal(2.005, 'en')).toBe('2.01');
  });

  it('groups the digits of a count', () => {
    expect(count(1200, 'fr')).toBe(`1${NNBSP}200`);
    expect(count(1200, 'en')).toBe('1,200');
  });

  it('gives each formatter its own options (a cached one is never reused for others)', () => {
    expect(money(100, 'EUR', 'en')).toBe('\u20ac1.00');
    expect(money(100, 'GBP', 'en')).toBe('\u00a31.00');
    expect(decimal(1, 'en')).toBe('1');
    expect(numberLocale('en')).toBe('en-GB');
    expect(numberLocale('fr')).toBe('fr-FR');
  });
});

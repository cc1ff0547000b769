import { describe, expect, it } from 'vitest';
import { toIso3 } from '../../src/core/countries.ts';

describe('toIso3', () => {
  it('reads alpha-3, alpha-2, ISO and trade numeric codes, leading zeros and World', () => {
    expect(['RUS', 'rus', 'RU', '643', '0643', '00643'].map(toIso3)).toEqual(Array(6).fill('RUS'));
    expect(toIso3('699')).toBe('IND');
    expect(toIso3('490')).toBe('TWN');
    expect(['0', 'W00', 'WLD'].map(toIso3)).toEqual(['WLD', 'WLD', 'WLD']);
  });
  it('refuses a numeric code of more than three digits, which no country has', () => {
    // The country library reads "1643" as Russia and "6430" as Liberia.
    expect(['1643', '6430', '9643', '10643'].map(toIso3)).toEqual(Array(4).fill(undefined));
  });
});

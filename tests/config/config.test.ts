import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.ts';
import { formatProblem, InputError } from '../../src/core/errors.ts';

function problems(json: unknown): string[] {
  try {
    parseConfig(json, 'tradebrief.config.json');
  } catch (error) {
    if (error instanceof InputError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}

describe('config', () => {
  it('fills every default', () => {
    const config = parseConfig({ reporter: 'BRA', partner: 'CHN' }, 'c');
    expect(config.organisation).toEqual({ name: 'tradebrief', accent: '#0b4f8a' });
    expect(config.sectors.map((s) => s.id)).toContain('engineering');
    expect(config.scenarios).toEqual([]);
  });
  it('names a misspelt key and the closest valid one', () => {
    expect(problems({ reporter: 'IND', partner: 'RUS', sectros: [] })).toEqual([
      'tradebrief.config.json, key "sectros": unknown key "sectros" (did you mean "sectors"?)',
    ]);
    expect(problems({ reporter: 'IND', partner: 'RUS', organisation: { acent: '#000000' } })[0]).toContain(
      'did you mean "accent"?',
    );
  });
  it('checks meaning, not only shape', () => {
    expect(problems({ reporter: 'IND', partner: 'IND' })[0]).toContain('reporter and partner must differ');
    expect(problems({ reporter: 'XXX', partner: 'RUS' })[0]).toContain('unknown country code "XXX"');
    expect(
      problems({
        reporter: 'IND',
        partner: 'RUS',
        sectors: [
          { id: 'a', name: 'A', chapters: ['27-28'] },
          { id: 'b', name: 'B', chapters: ['28'] },
        ],
      })[0],
    ).toContain('chapter 28 is in both sectors "a" and "b"');
  });
  it('overrides the pair from the command line', () => {
    expect(parseConfig({ reporter: 'IND', partner: 'RUS' }, 'c', { partner: 'CHN' }).partner).toBe('CHN');
  });
});

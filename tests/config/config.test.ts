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
  it('refuses chapters HS lacks, ranges written backwards, a sector id used twice and text past a page', () => {
    const pair = { reporter: 'IND', partner: 'RUS' };
    const keys = (json: object) => problems({ ...pair, ...json }).map((p) => p.split(':')[0]);
    const sectors = (chapters: string[]) => [{ id: 'a', name: 'A', chapters }];
    // "01-00" would hold no chapter at all, and its sector's trade would read as zero.
    for (const chapters of [['01-00'], ['00'], ['00-05'], ['76-72']])
      expect([chapters, keys({ sectors: sectors(chapters) })]).toEqual([
        chapters,
        ['tradebrief.config.json, key "sectors.0.chapters.0"'],
      ]);
    expect(keys({ sectors: sectors(['01', '72-76', '99', '05-05']) })).toEqual([]);
    const twice = [
      { id: 'fuels', name: 'A', chapters: ['27'] },
      { id: 'fuels', name: 'B', chapters: ['31'] },
    ];
    expect(problems({ ...pair, sectors: twice })).toEqual([
      'tradebrief.config.json, key "sectors.1.id": the sector id "fuels" is used twice: each sector needs its own id (its indicators are named by it)',
    ]);
    expect(keys({ title: 'x'.repeat(201) })).toEqual(['tradebrief.config.json, key "title"']);
    expect(keys({ title: 'x'.repeat(200) })).toEqual([]);
    expect(keys({ notes: [{ text: 'x'.repeat(3001) }] })).toEqual([
      'tradebrief.config.json, key "notes.0.text"',
    ]);
  });
  it('overrides the pair from the command line', () => {
    expect(parseConfig({ reporter: 'IND', partner: 'RUS' }, 'c', { partner: 'CHN' }).partner).toBe('CHN');
  });
});

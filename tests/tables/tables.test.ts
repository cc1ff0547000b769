import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/tables/build.ts';

describe('tables for spreadsheets', () => {
  it('escape cells that a spreadsheet would run as formulas, and keep numbers as numbers', () => {
    const csv = toCsv(
      ['label', 'value'],
      [
        ['=HYPERLINK("http://x")', -5],
        ['+cmd', 1.5],
        ['plain', null],
      ],
    );
    expect(csv).toBe('label,value\n"\'=HYPERLINK(""http://x"")",-5\n\'+cmd,1.5\nplain,\n');
  });

  it('start with a UTF-8 byte-order mark when asked, for older Excel', () => {
    expect(toCsv(['a'], [['é']], true).startsWith('\uFEFFa\n')).toBe(true);
    expect(toCsv(['a'], [['é']]).startsWith('a\n')).toBe(true);
  });
});

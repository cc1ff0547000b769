import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { type Cell, toCsv } from '../../src/tables/csv.ts';

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

  it('write what csv-stringify writes with the same options, for any text, number or empty cell', () => {
    // Cells that need quoting, doubling or formula escaping, alone or together, and plain ones.
    const pool: Cell[] = [
      'plain',
      '',
      ' ',
      'Coffee, tea, maté and spices',
      'say "hi"',
      '"',
      ',',
      'a\nb',
      '\n',
      'a\rb',
      '\r',
      '\r\n',
      '=A1',
      '=1,"2"',
      '+cmd',
      '-5',
      '-',
      '@sum',
      '\tx',
      '\rx',
      '\uFF1D1',
      '\uFF0B1',
      '\uFF0D1',
      '\uFF201',
      "'quoted",
      ' =A1',
      'é',
      '🇮🇳',
      'a;b',
      'a\tb',
      null,
      0,
      -0,
      5,
      -5,
      1.5,
      -1.25e-7,
      1e21,
      -1e21,
      123456789.123,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pick = () => pool[random(pool.length)] as Cell;
    let compared = 0;
    for (let round = 0; round < 500; round++) {
      const width = 1 + random(5);
      const columns = Array.from({ length: width }, () => {
        const cell = pick();
        return typeof cell === 'string' && cell !== '' ? cell : `c${random(9)}`;
      });
      // Some rows shorter or longer than the header: only the header's columns are written.
      const rows = Array.from({ length: random(6) }, () =>
        Array.from({ length: Math.max(0, width + random(3) - 1) }, pick),
      );
      const bom = random(2) === 1;
      const expected = stringify(rows, {
        header: true,
        columns,
        escape_formulas: true,
        bom,
        record_delimiter: 'unix',
      });
      expect(toCsv(columns, rows, bom), JSON.stringify({ columns, rows, bom })).toBe(expected);
      compared += rows.length;
    }
    expect(compared).toBeGreaterThan(1000);
  });
});

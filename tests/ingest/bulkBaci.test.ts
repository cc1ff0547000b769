import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.ts';
import { inputMessages as m } from '../../src/core/messages.ts';
import type { BaciRow } from '../../src/ingest/adapters/baciRow.ts';
import {
  createAnyLayoutLine,
  createCepiiLine,
  createFastBaciLine,
} from '../../src/ingest/bulk/fastBaciLine.ts';
import { type IngestOptions, ingest } from '../../src/ingest/ingest.ts';
import { seeded } from '../helpers.ts';
import { brief, folderWith } from './folders.ts';

// SYNTHETIC BACI-shaped rows: 699 India, 643 Russia, 842 USA, 530 Netherlands Antilles (no ISO code today); v in thousand USD.
const H = 't,i,j,k,v,q';
const focus = { reporter: 'IND', partners: ['RUS'] };
const SMALL: IngestOptions = { bulkMinBytes: Number.POSITIVE_INFINITY };
const BULK: IngestOptions = { bulkMinBytes: 0 };

/** What ingest makes of a folder, or the problems it reports: the same on the small and bulk paths. */
async function readOnBothPaths(dir: string, options: IngestOptions) {
  const outcome = (o: IngestOptions) =>
    ingest(dir, { ...options, ...o }).catch((error: unknown) => {
      if (error instanceof InputError) return { problems: error.problems };
      throw error;
    });
  const small = await outcome(SMALL);
  for (const bulk of [BULK, { ...BULK, bulkChunkBytes: 5 }]) expect(await outcome(bulk)).toEqual(small);
  return small;
}

describe('the bulk BACI reader', () => {
  it('reads what csv-parse reads from unusual but valid text, to the same records', async () => {
    const text = [
      'Synthetic sample, not real data,,,,', // a title line above the header
      H,
      '2022,699,643,300490,1234.5,NA\r', // CRLF
      '2022,699,643,290110," 100.25 ",1\r2022,699,643,10121,7.,           NA', // quoted, lone CR, padded q
      '',
      '  2022 , 699 , 643 , 847130 , .5 , 1', // blanks around values
      '2022,643,699,270900,"40,000",1000', // thousands grouped, quoted
      ',,,,,',
      '2022,643,699,310520,1.5e3,"\n 30"', // exponent; a quoted line break in q
      '2022,530,842,850440,30,0.1', // from an area, to a country outside the briefing
      '2022,842,643,847130,700,2', // no trailing line ending
    ].join('\n');
    const result = await readOnBothPaths(await folderWith({ 'baci.csv': `\uFEFF${text}` }), { focus });
    if ('problems' in result) throw new Error('unexpected problems');
    expect(result.trade.filter((r) => r.partner === 'RUS').map(brief)).toEqual([
      '2022 IND RUS export 30 1234.5 USD thousand line 3',
      '2022 IND RUS export 29 100.25 USD thousand line 4',
      // k = 10121: HS 010121, chapter 01; "7." is 7.
      '2022 IND RUS export 01 7 USD thousand line 5',
      // ".5" and blanks around every value.
      '2022 IND RUS export 84 0.5 USD thousand line 7',
      '2022 IND RUS import 27 40000 USD thousand line 8',
      // The record ends on line 11: its q holds a line break.
      '2022 IND RUS import 31 1500 USD thousand line 11',
    ]);
    expect(
      result.trade.find((r) => r.reporter === 'RUS' && r.flow === 'import' && r.product === '84')?.value,
    ).toBe(0.5 + 700);
    // The pair's HS6 rows with their quantities in tons, NA (padded or not) as unknown.
    expect(
      result.products
        .filter((p) => p.partner !== 'WLD')
        .map((p) => `${p.flow} ${p.product} ${p.value} ${p.quantity} ${p.quantityUnit} line ${p.line}`),
    ).toEqual([
      'export 300490 1234.5 null null line 3',
      'export 290110 100.25 1 t line 4',
      'export 010121 7 null null line 5',
      'export 847130 0.5 1 t line 7',
      'import 270900 40000 1000 t line 8',
      'import 310520 1500 30 t line 11',
    ]);
    expect(result.rejects).toEqual([{ file: 'baci.csv', line: 12, reason: m.asideBaciArea('530') }]);
    expect(result.files[0]).toMatchObject({ rows: 8, used: 7 });
  });

  it('counts a CRLF inside a quoted cell as one line break, as a file read whole does', async () => {
    const text = [
      H,
      '2022,699,643,300490,"1234.5",1', // quoted: not a plain line
      '2022,699,643,310520,y,"\r\n 30"', // ends on line 4
      '2022,699,643,847130,x,2', // line 5
    ].join('\r\n');
    const result = await readOnBothPaths(await folderWith({ 'baci.csv': `${text}\r\n` }), { focus });
    expect(result).toEqual({
      problems: [
        { file: 'baci.csv', line: 4, column: 'v', message: m.notANumber('y') },
        { file: 'baci.csv', line: 5, column: 'v', message: m.notANumber('x') },
      ],
    });
  });

  it('reads columns in any order, tab-separated, with more columns', async () => {
    const text = [
      'k\tq\tv\tj\ti\tt\tnote',
      '300490\t1\t10.5\t643\t699\t2022\tsynthetic',
      '270900\t1\t4\t699\t643\t2022\t',
    ].join('\n');
    const result = await readOnBothPaths(await folderWith({ 'baci.tsv': text }), { focus });
    if ('problems' in result) throw new Error('unexpected problems');
    expect(result.trade.filter((r) => r.partner === 'RUS').map(brief)).toEqual([
      '2022 IND RUS export 30 10.5 USD thousand line 2',
      '2022 IND RUS import 27 4 USD thousand line 3',
    ]);
  });

  it('extracts for every partner of a batch in one pass', async () => {
    const rows = [
      '2022,699,156,300490,5,1',
      '2022,699,643,300490,10,1',
      '2022,699,842,300490,20,1',
      '2022,842,699,847130,3,1',
    ];
    const dir = await folderWith({ 'baci.csv': `${H}\n${rows.join('\n')}\n` });
    const result = await readOnBothPaths(dir, { focus: { reporter: 'IND', partners: ['RUS', 'USA'] } });
    if ('problems' in result) throw new Error('unexpected problems');
    expect(result.trade.filter((r) => r.partner !== 'WLD').map(brief)).toEqual([
      '2022 IND RUS export 30 10 USD thousand line 3',
      '2022 IND USA export 30 20 USD thousand line 4',
      '2022 IND USA import 84 3 USD thousand line 5',
    ]);
    // China is no partner of this batch: its imports from the world are not kept, India's exports to it count in India's.
    expect(result.trade.some((r) => r.reporter === 'CHN' && r.flow === 'import')).toBe(false);
    expect(
      result.trade.find((r) => r.reporter === 'IND' && r.partner === 'WLD' && r.flow === 'export')?.value,
    ).toBe(5 + 10 + 20);
  });

  it('gives the same records, or problems, as csv-parse on thousands of altered lines', async () => {
    // A seeded generator alters valid rows as files get altered; every file is read both ways.
    const { next, pick } = seeded(7);
    // Each row its own product (chapters 01 to 90), no key repeats; five digits or six with a leading zero.
    const row = (n: number) => {
      const product = 10000 + n * 2237;
      return [
        '2022',
        pick(['699', '643', '842', '530', '0699']),
        pick(['643', '699', '156']),
        product < 100000 && next() < 0.5 ? `0${product}` : `${product}`,
        pick(['1', '12.5', '0.001', '123456789.123', '7.', '.25', '0']),
        pick(['1', 'NA', '', '           NA']),
      ];
    };
    // Changes that keep a row valid, so the records themselves are compared…
    const harmless = [
      (cells: string[]) => cells.map((c, i) => (i === 4 ? `"${c}"` : c)),
      (cells: string[]) => cells.map((c, i) => (i === 3 ? ` ${c}\t` : c)),
      (cells: string[]) => [...cells, ''],
    ];
    // …and damage, so the problems are.
    const damage = [
      '',
      ' ',
      '"',
      '""',
      ',',
      '.',
      '-',
      'e',
      'x',
      '\r',
      '\n',
      '\r\n',
      '\t',
      '0',
      '9',
      'é',
      '\u00a0',
    ];
    for (let file = 0; file < 12; file++) {
      const damaged = file % 2 === 1;
      const rows: string[] = [];
      for (let n = 0; n < 400; n++) {
        let cells = row(n);
        if (next() < 0.1) cells = pick(harmless)(cells);
        let text = cells.join(',');
        if (damaged && next() < 0.02) {
          const at = Math.floor(next() * text.length);
          text = text.slice(0, at) + pick(damage) + text.slice(at + (next() < 0.5 ? 1 : 0));
        }
        rows.push(text);
      }
      // Rows sorted by pair, as BACI writes them, so repeats are checked and not reported as out of order.
      const pair = (text: string) => text.split(',').slice(1, 3).map(Number);
      rows.sort((a, b) => (pair(a)[0] ?? 0) - (pair(b)[0] ?? 0) || (pair(a)[1] ?? 0) - (pair(b)[1] ?? 0));
      const dir = await folderWith({ 'baci.csv': `${H}\n${rows.join(pick(['\n', '\r\n', '\r']))}\n` });
      const result = await readOnBothPaths(dir, { focus });
      if (!damaged) expect('problems' in result ? result.problems : []).toEqual([]);
    }
  });
});

describe('values read from bytes', () => {
  it('equal the numbers parsed from their text', () => {
    const fast = createFastBaciLine(['t', 'i', 'j', 'k', 'v', 'q'], 44);
    const values = [
      '0',
      '0.001',
      '1.1',
      '0.3',
      '123456789012.345',
      // USD 1e15, the most a trade value can be.
      '1000000000000',
      '17.',
      '00012.50',
      '450359962737.049',
    ];
    for (const text of values) {
      const line = Buffer.from(`2022,699,643,300490,${text},1\n`);
      expect(fast.parse(line, 0, 2)).toBe(line.length);
      expect(fast.row.value).toBe(Number(text));
    }
    // Sixteen digits could round otherwise: such values are left to the text parser.
    expect(fast.parse(Buffer.from('2022,699,643,300490,1234567890123.456,1\n'), 0, 2)).toBe(-1);
    // So are values above what a trade flow can be, for the text parser to report.
    expect(fast.parse(Buffer.from('2022,699,643,300490,999999999999999,1\n'), 0, 2)).toBe(-1);
  });
});

describe("the reader of CEPII's own layout", () => {
  const newRow = (): BaciRow => ({
    line: 0,
    year: 0,
    exporter: 0,
    importer: 0,
    product: 0,
    value: 0,
    quantity: null,
  });

  it('serves only t,i,j,k,v[,q] in that order, comma-separated', () => {
    const row = newRow();
    expect(createCepiiLine(['t', 'i', 'j', 'k', 'v', 'q'], 44, row)).toBeDefined();
    expect(createCepiiLine(['t', 'i', 'j', 'k', 'v'], 44, row)).toBeDefined();
    expect(createCepiiLine(['t', 'i', 'j', 'k', 'v', 'q'], 59, row)).toBeUndefined();
    expect(createCepiiLine(['i', 't', 'j', 'k', 'v', 'q'], 44, row)).toBeUndefined();
    expect(createCepiiLine(['t', 'i', 'j', 'k', 'v', 'q', 'note'], 44, row)).toBeUndefined();
    expect(createCepiiLine(['t', 'i', 'j', 'k', 'v', 'note'], 44, row)).toBeUndefined();
  });

  it('takes the plain lines, each read as the reader of any layout reads it', () => {
    const cases: [string, Omit<BaciRow, 'line'>][] = [
      [
        '2022,699,643,300490,1234.5,NA\n',
        { year: 2022, exporter: 699, importer: 643, product: 300490, value: 1234.5, quantity: null },
      ],
      [
        '2022,8,12,10422,565.329,0.205\r\n',
        { year: 2022, exporter: 8, importer: 12, product: 10422, value: 565.329, quantity: 0.205 },
      ],
      [
        '2021,0699,4,010121,00012.50,   NA  \r',
        { year: 2021, exporter: 699, importer: 4, product: 10121, value: 12.5, quantity: null },
      ],
      [
        '2022,1,2,999999,0,\n',
        { year: 2022, exporter: 1, importer: 2, product: 999999, value: 0, quantity: null },
      ],
      [
        '2022,1,2,10121,123456789012.345,17\n',
        { year: 2022, exporter: 1, importer: 2, product: 10121, value: 123456789012.345, quantity: 17 },
      ],
    ];
    for (const [text, expected] of cases) {
      const line = Buffer.from(`${text}2022,`);
      const row = newRow();
      const cepii = createCepiiLine(['t', 'i', 'j', 'k', 'v', 'q'], 44, row);
      expect(cepii?.(line, 0, 9)).toBe(text.length);
      expect(row).toEqual({ line: 9, ...expected });
      const anyRow = newRow();
      expect(createAnyLayoutLine(['t', 'i', 'j', 'k', 'v', 'q'], 44, anyRow)(line, 0, 9)).toBe(text.length);
      expect(anyRow).toEqual(row);
    }
    // Without q, the line ends after v.
    const row = newRow();
    expect(
      createCepiiLine(['t', 'i', 'j', 'k', 'v'], 44, row)?.(Buffer.from('2022,1,2,10121,5\n'), 0, 2),
    ).toBe(17);
    expect(row.value).toBe(5);
  });

  it('leaves every other line to the reader of any layout, never reading one otherwise', () => {
    // A seeded generator alters plain lines byte by byte; wherever the CEPII reader takes a line, the
    // reader of any layout must take it too, to the same end and the same row.
    const { next, pick } = seeded(11);
    const bytes = ['0', '1', '9', '.', ',', ' ', 'N', 'A', '\r', '\n', '"', 'x', '-', 'é', ''];
    for (const header of [
      ['t', 'i', 'j', 'k', 'v', 'q'],
      ['t', 'i', 'j', 'k', 'v'],
    ]) {
      const cepiiRow = newRow();
      const anyRow = newRow();
      const cepii = createCepiiLine(header, 44, cepiiRow);
      const anyLayout = createAnyLayoutLine(header, 44, anyRow);
      let taken = 0;
      let altered = 0;
      for (let n = 0; n < 20_000; n++) {
        // Mostly a plain cell, else one of the others.
        const cell = (plain: string, others: string[]) => (next() < 0.8 ? plain : pick(others));
        const cells = [
          cell('2022', ['1995', '0000', '202', '20221']),
          cell('699', ['8', '0699', '12345', '']),
          cell('643', ['4', '']),
          cell('010121', ['10121', '300490', '1234', '1234567']),
          cell('12.5', [
            '1',
            '0.001',
            '7.',
            '.25',
            '0',
            '123456789012.345',
            '123456789012.3456',
            '999999999999999',
            '1e3',
          ]),
          cell('NA', ['1', '', '   ', '   NA  ', '2.5', 'N A', '.5', '1234567890123456']),
        ].slice(0, header.length);
        let text = `${cells.join(',')}${cell('\n', ['\r\n', '\r', ''])}`;
        for (let edits = Math.floor(next() * 3); edits > 0; edits--) {
          const at = Math.floor(next() * (text.length + 1));
          text = text.slice(0, at) + pick(bytes) + text.slice(at + (next() < 0.5 ? 1 : 0));
          altered += 1;
        }
        // Cut short now and then: the rest of the line is not read yet.
        const data = Buffer.from(next() < 0.1 ? text.slice(0, Math.floor(next() * text.length)) : text);
        const end = cepii?.(data, 0, n + 2) ?? -1;
        if (end < 0) continue;
        taken += 1;
        expect(anyLayout(data, 0, n + 2), text).toBe(end);
        expect(anyRow, text).toEqual(cepiiRow);
      }
      // The test reads both plain lines and altered ones.
      expect(taken).toBeGreaterThan(1_000);
      expect(altered).toBeGreaterThan(10_000);
    }
  });
});

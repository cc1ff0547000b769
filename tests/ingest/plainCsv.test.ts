import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createPlainCsv } from '../../src/ingest/plainCsv.ts';
import { csvOptions } from '../../src/ingest/readCsv.ts';
import type { Delimiter } from '../../src/ingest/sniffText.ts';
import type { CsvRow } from '../../src/ingest/table.ts';
import { seeded } from '../helpers.ts';

/** What csv-parse makes of the text, as readCsv uses it: each record with the line it ends on. */
function csvParse(text: string, delimiter: Delimiter): CsvRow[] {
  const records = parse(text, csvOptions(delimiter)) as unknown as {
    record: string[];
    info: { lines: number };
  }[];
  return records.map(({ record, info }) => ({ line: info.lines, cells: record }));
}

/** The plain reader's records, the text given in pieces cut at `cuts`; undefined where it refuses. */
function plainRead(text: string, delimiter: Delimiter, cuts: number[] = []): CsvRow[] | undefined {
  const plain = createPlainCsv(delimiter);
  if (!plain) throw new Error('no plain reader');
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    if (!plain.write(text.slice(from, cut))) return undefined;
    from = cut;
  }
  return plain.end();
}

describe('the plain CSV reader', () => {
  it('reads a download as csv-parse does: quoted names with commas, blank lines, every line end', () => {
    const text = [
      'Classification,Year,Reporter,Commodity,Trade Value (US$)',
      'H5,2019,India,"Meat, fish and seafood food preparations nes",128674',
      '',
      'H5, 2019 ,Côte d\'Ivoire,  "Say ""cheese""" ,612806',
      ' , ,,',
      'H5,2019,Türkiye,"Ores, slag and ash",',
    ].join('\r\n');
    const expected: CsvRow[] = [
      { line: 1, cells: ['Classification', 'Year', 'Reporter', 'Commodity', 'Trade Value (US$)'] },
      { line: 2, cells: ['H5', '2019', 'India', 'Meat, fish and seafood food preparations nes', '128674'] },
      { line: 4, cells: ['H5', '2019', "Côte d'Ivoire", 'Say "cheese"', '612806'] },
      { line: 6, cells: ['H5', '2019', 'Türkiye', 'Ores, slag and ash', ''] },
    ];
    expect(csvParse(text, ',')).toEqual(expected);
    for (const cuts of [[], [1], [text.indexOf('\r\n') + 1], [40, 41, 90, 150]])
      expect(plainRead(text, ',', cuts)).toEqual(expected);
    // A lone CR ends a line too, also as the text's last character.
    expect(plainRead('a;b\rc;d\r', ';', [4])).toEqual(csvParse('a;b\rc;d\r', ';'));
    expect(plainRead('a;b\rc;d\r', ';', [4])).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['c', 'd'] },
    ]);
  });

  it('refuses what it does not read as csv-parse would, and tab-separated text', () => {
    for (const text of [
      'a,"b\nc",d', // a line break inside quotes
      'a,b"c,d', // a quote inside a field
      'a,"b"c,d', // text after a closing quote
      'a,"b,c', // a quote never closed
      'a,\tb', // a tab, which csv-parse trims
      'a,\u00a0b', // another space csv-parse trims
      'a,\ud800,b', // a lone surrogate
      '\ufeffa,b', // a byte-order mark
    ])
      expect(plainRead(text, ','), JSON.stringify(text)).toBeUndefined();
    expect(createPlainCsv('\t')).toBeUndefined();
  });

  it('gives the records csv-parse gives for every text it reads, from thousands of altered lines', () => {
    // A seeded generator writes lines of plain fields and alters some; wherever the plain reader reads
    // a text, csv-parse must read the same records from it.
    const { next, pick } = seeded(5);
    const fields = ['H5', '2019', ' 12.5 ', '', '"a, b"', ' "x ""y"" z" ', '"; "', 'Curaçao', '😀', '" "'];
    const alterations = [
      '"',
      ',',
      ';',
      ' ',
      '\t',
      '\r',
      '\n',
      '\r\n',
      'é',
      '\u00a0',
      '\u2003',
      '\ud83d',
      'x',
    ];
    let read = 0;
    let refused = 0;
    for (let n = 0; n < 3000; n++) {
      const delimiter = pick([',', ';'] as const);
      const lines = Array.from({ length: 1 + Math.floor(next() * 4) }, () =>
        Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(fields)).join(delimiter),
      );
      let text = lines.join(pick(['\n', '\r\n', '\r'])) + pick(['', '\n', '\r\n', '\r', '\n\n']);
      if (next() < 0.5) {
        const at = Math.floor(next() * (text.length + 1));
        text = text.slice(0, at) + pick(alterations) + text.slice(at + (next() < 0.5 ? 1 : 0));
      }
      const cuts = [Math.floor(next() * text.length), Math.floor(next() * text.length)].sort((a, b) => a - b);
      const plain = plainRead(text, delimiter, cuts);
      if (!plain) {
        refused += 1;
        continue;
      }
      read += 1;
      expect(plain, JSON.stringify(text)).toEqual(csvParse(text, delimiter));
    }
    expect(read).toBeGreaterThan(1500);
    expect(refused).toBeGreaterThan(100);
  });
});

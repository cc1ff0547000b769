import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.ts';
import { inputMessages as m } from '../../src/core/messages.ts';
import { EXACT_LIMIT } from '../../src/ingest/adapters/baciExtract.ts';
import { countLineEnds, cutRanges } from '../../src/ingest/bulk/ranges.ts';
import { joinReads, readBaciInRanges, vouchedFor } from '../../src/ingest/bulk/readInRanges.ts';
import { readLines } from '../../src/ingest/bulk/readLines.ts';
import { readBaciRange } from '../../src/ingest/bulk/readRange.ts';
import { isHeaderRow } from '../../src/ingest/formats.ts';
import { type IngestOptions, ingest } from '../../src/ingest/ingest.ts';
import { readHead } from '../../src/ingest/readCsv.ts';
import { folderWith } from './folders.ts';

// SYNTHETIC BACI-shaped rows, sorted by t, i, j, k as CEPII's files are: 699 India, 643 Russia, 842 USA,
// 156 China, 251 France, 530 Netherlands Antilles (no ISO code today); v in thousand USD, three decimals.
const H = 't,i,j,k,v,q';
const CODES = [156, 251, 530, 643, 699, 842];
const FILE = 'BACI_HS17_Y2022_V202401.csv';
const focus = { reporter: 'IND', partners: ['RUS'] };
/** Each range in a worker thread started from the sources: slow on a busy machine. */
const SLOW = 120_000;
const PRODUCTS = 40;

/** Rows for every ordered pair of CODES, products ascending (product p in chapter p + 1); every 40th row repeated as is. */
function syntheticRows(productsPerPair: number): string[] {
  const rows: string[] = [];
  let n = 0;
  for (const i of CODES) {
    for (const j of CODES) {
      if (i === j) continue;
      for (let p = 0; p < productsPerPair; p++) {
        n += 1;
        const k = 10121 + p * 10_000;
        const row = `2022,${i},${j},${k},${((n * 7919) % 100_000) / 1000},${n % 7 === 0 ? '           NA' : '1.5'}`;
        rows.push(row);
        if (n % 40 === 0) rows.push(row);
      }
    }
  }
  return rows;
}

/** `rows` with the value of exporter i's row of product p to importer j set to `v`. */
function withValue(rows: string[], i: number, j: number, p: number, v: string): string[] {
  const k = String(10121 + p * 10_000);
  return rows.map((row) => {
    const cells = row.split(',');
    if (cells[1] !== String(i) || cells[2] !== String(j) || cells[3] !== k) return row;
    cells[4] = v;
    return cells.join(',');
  });
}

/** The one-thread read of a BACI file, and its reads in `parts` ranges, each range on its own thread. */
async function readBoth(text: string, parts: number) {
  const dir = await folderWith({ [FILE]: text });
  const path = join(dir, FILE);
  const { head } = await readHead(path, FILE, isHeaderRow);
  if (!head) throw new Error('no header');
  const setup = { path, head, reporter: 'IND', countryCodes: [] as [string, string][] };
  const ranges = await cutRanges(path, head.header, 44, Buffer.byteLength(text), parts);
  const { reads, firstLines } = await readBaciInRanges(setup, ranges, () => undefined);
  const whole = joinReads([await readBaciRange(setup, path)], 'IND');
  return { ranges, reads, firstLines, whole, joined: joinReads(reads, 'IND') };
}

/** What ingest makes of the text (or the problems it reports) on one thread and in `parts` ranges. */
async function ingestBoth(text: string, parts: number) {
  const dir = await folderWith({ [FILE]: text });
  const outcome = (options: IngestOptions) =>
    ingest(dir, { focus, bulkMinBytes: 0, ...options }).catch((error: unknown) => {
      if (error instanceof InputError) return { problems: error.problems };
      throw error;
    });
  return { one: await outcome({ bulkParts: 1 }), split: await outcome({ bulkParts: parts }) };
}

describe('a BACI file read in byte ranges on several threads', () => {
  const text = `${H}\n${syntheticRows(PRODUCTS).join('\n')}\n`;

  it.each([2, 3, 7])(
    'gives exactly the one-thread extract when split in %i ranges',
    async (parts) => {
      const { ranges, reads, firstLines, whole, joined } = await readBoth(text, parts);
      expect(ranges).toHaveLength(parts);
      // Each cut is where a pair's rows end: the line before and the line after differ in exporter or importer.
      for (const { start } of ranges.slice(1)) {
        const before = text
          .slice(0, start - 1)
          .split('\n')
          .at(-1)
          ?.split(',')
          .slice(0, 3);
        const after = text.slice(start).split('\n')[0]?.split(',').slice(0, 3);
        expect(after).not.toEqual(before);
      }
      // The lines were numbered from where each range starts in the file.
      expect(firstLines).toEqual(ranges.map(({ start }) => text.slice(0, start).split('\n').length));
      expect(vouchedFor(reads, firstLines)).toBe(true);
      expect(joined).toEqual(whole);
      if ('stop' in whole) throw new Error('unexpected stop');
      // Every 40th row is an identical repeat: set aside, at its own line, whatever range it fell in.
      const lines = text.split('\n');
      const repeats = lines.flatMap((line, i) => (i > 1 && line === lines[i - 1] ? [i + 1] : []));
      expect(repeats.length).toBeGreaterThan(parts * 2);
      expect(whole.extract.repeats).toEqual(repeats);
      // India's HS6 rows with a country (530 is an area), with their tons, in file order whatever range they fell in.
      const indiaRows = lines.filter(
        (line, i) =>
          i > 0 && /^\d+,(699,\d+|\d+,699),/.test(line) && !line.includes(',530,') && line !== lines[i - 1],
      );
      expect(whole.extract.products).toHaveLength(indiaRows.length);
      // World exports by HS4 heading, summed here in thousandths from the rows (530, an area, exports nothing
      // a country can be named for), are the extract's to the last digit, split or not.
      const world = new Map<number, number>();
      for (const [i, line] of lines.entries()) {
        const [, exporter, , k, v] = line.split(',');
        if (i === 0 || !v || line === lines[i - 1] || exporter === '530') continue;
        const heading = Math.floor(Number(k) / 100);
        world.set(heading, (world.get(heading) ?? 0) + Math.round(Number(v) * 1000));
      }
      const headings = (extract: typeof whole.extract) =>
        new Map(
          extract.headings
            .filter((h) => h.kind === 'world')
            .flatMap((h) =>
              Array.from(h.cells, (code, i) => [code, Math.round((h.values[i] as number) * 1000)]),
            ),
        );
      if ('stop' in joined) throw new Error('unexpected stop');
      expect(world.size).toBe(PRODUCTS);
      expect(headings(whole.extract)).toEqual(world);
      expect(headings(joined.extract)).toEqual(world);
      expect(whole.extract.products.map((p) => p[6])).toEqual(
        [...whole.extract.products.map((p) => p[6])].sort((a, b) => a - b),
      );
    },
    SLOW,
  );

  it(
    'reports a bad value in the second range at its line, as one thread does',
    async () => {
      // India (699) to the USA (842) comes late in the file, in the second half.
      const badText = `${H}\n${withValue(syntheticRows(PRODUCTS), 699, 842, 5, '12x4').join('\n')}\n`;
      const badLine = badText.slice(0, badText.indexOf(',12x4,')).split('\n').length;
      const { ranges, reads, firstLines } = await readBoth(badText, 2);
      expect(ranges[1]?.start).toBeLessThan(badText.indexOf(',12x4,'));
      expect(vouchedFor(reads, firstLines)).toBe(true);
      const problem = { line: badLine, column: 'v', message: m.notANumber('12x4') };
      expect(reads[1]?.problems).toEqual({ first: [problem], count: 1 });
      const { one, split } = await ingestBoth(badText, 2);
      expect(split).toEqual(one);
      expect(one).toEqual({ problems: [{ file: FILE, ...problem }] });
    },
    SLOW,
  );

  it(
    'adds values up exactly, in whole thousandths, whatever the split',
    async () => {
      // Russia's imports of product 5 (chapter 06) from every other country, the first in the first
      // range, the last in the second: 0.1 + 0.2 + 0.1 + 0.2 + 0.1 is 0.7000000000000001 in floating point.
      let rows = syntheticRows(PRODUCTS);
      for (const [n, i] of [156, 251, 530, 699, 842].entries())
        rows = withValue(rows, i, 643, 5, n % 2 ? '0.2' : '0.1');
      const sixText = `${H}\n${rows.join('\n')}\n`;
      const { ranges } = await readBoth(sixText, 2);
      expect(ranges[1]?.start).toBeGreaterThan(sixText.indexOf('\n2022,156,643,50121,'));
      expect(ranges[1]?.start).toBeLessThan(sixText.indexOf('\n2022,842,643,50121,'));
      const { one, split } = await ingestBoth(sixText, 2);
      expect(split).toEqual(one);
      if ('problems' in one) throw new Error('unexpected problems');
      const imports = one.trade.find(
        (r) => r.reporter === 'RUS' && r.partner === 'WLD' && r.flow === 'import' && r.product === '06',
      );
      expect(imports?.value).toBe(700 / 1000);
    },
    SLOW,
  );

  it(
    'falls back to one thread when the ranges cannot be vouched for, and reads the same',
    async () => {
      const rows = syntheticRows(PRODUCTS);
      const big = '900000000000';
      const cases = {
        // A quoted record may have started before the cut.
        quoted: withValue(rows, 842, 699, 3, '"1.5"'),
        // Four decimals: sums of such values cannot be kept exact.
        moreDecimals: withValue(rows, 156, 251, 3, '0.0001'),
        // The pairs are not in ascending order: one pass would find the second half's pairs again.
        unsorted: [...rows.slice(rows.length / 2), ...rows.slice(0, rows.length / 2)],
        // Russia's imports of chapter 04 from the first and last exporters: 2.7 × 10^15 thousandths in
        // all, past 2^51, while each range's part stays below it.
        pastExactLimit: withValue(
          withValue(withValue(rows, 156, 643, 3, big), 251, 643, 3, big),
          842,
          643,
          3,
          big,
        ),
        // The same three values in three pairs and chapters: no sum passes 2^51, but all rows together
        // do, and that is the bound a read keeps.
        pastExactLimitApart: withValue(
          withValue(withValue(rows, 156, 251, 3, big), 251, 842, 5, big),
          842,
          156,
          7,
          big,
        ),
      };
      expect(3 * 9e14).toBeGreaterThan(EXACT_LIMIT);
      expect(2 * 9e14).toBeLessThan(EXACT_LIMIT);
      for (const [name, list] of Object.entries(cases)) {
        const caseText = `${H}\n${list.join('\n')}\n`;
        const { reads, firstLines, joined } = await readBoth(caseText, 2);
        const usable = vouchedFor(reads, firstLines) && !('stop' in joined) && joined.exact;
        expect(usable, name).toBe(false);
        const { one, split } = await ingestBoth(caseText, 2);
        expect(split, name).toEqual(one);
      }
    },
    SLOW,
  );
});

describe('line endings counted before a range', () => {
  it('match the lines readLines numbers, for LF, CRLF and lone CR, across chunk ends', async () => {
    const text = 'a,b\r\n1,2\r3,4\n\n5,6\r\n\r7,8\r\n9,10\r';
    const dir = await folderWith({ 'lines.csv': text });
    const path = join(dir, 'lines.csv');
    // Lines: a,b | 1,2 | 3,4 | (blank) | 5,6 | (blank) | 7,8 | 9,10 → 8 line endings.
    for (const chunkBytes of [1, 2, 3, 64])
      expect(await countLineEnds(path, 0, text.length, chunkBytes)).toBe(8);
    const sink = { plain: () => -1, line: () => undefined, quoted: () => undefined };
    for (const chunkBytes of [1, 2, 3, 64]) {
      const end = await readLines(path, 44, sink, { chunkBytes });
      expect(end).toEqual({ nextLine: 9 });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { inputMessages as m } from '../../src/core/messages.ts';
import { createBaciExtractor, focusExtract, joinParts } from '../../src/ingest/adapters/baciExtract.ts';
import { parseBaciRow } from '../../src/ingest/adapters/baciRow.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { brief, fixture, folderWith, problemsOf } from './folders.ts';

const focus = { reporter: 'IND', partners: ['RUS'] };

describe('CEPII BACI', () => {
  it('sums HS6 flows to chapters for the focus pair, world exports and the pair’s import demand', async () => {
    const result = await ingest(fixture('baci'), { focus });
    // v is in thousand USD; codes 699 IND, 643 RUS, 842 USA, 251 FRA; 490 "Other Asia, nes" is Taiwan.
    expect(result.trade.map(brief).sort()).toEqual(
      [
        // India's exports to Russia, by chapter: 300490 → 30, 290110 → 29, 847130 → 84.
        '2022 IND RUS export 30 1234.5 USD thousand line 2',
        '2022 IND RUS export 29 100.25 USD thousand line 3',
        '2022 IND RUS export 84 500 USD thousand line 4',
        // India's imports from Russia (BACI rows i=643, j=699), from India's side only.
        '2022 IND RUS import 27 40000 USD thousand line 5',
        '2022 IND RUS import 31 2000 USD thousand line 6',
        // The pair's exports to the world: India 1234.5 + 3000 (to the USA) in chapter 30.
        `2022 IND WLD export 30 ${1234.5 + 3000} USD thousand line 2`,
        '2022 IND WLD export 29 100.25 USD thousand line 3',
        '2022 IND WLD export 84 500 USD thousand line 4',
        '2022 RUS WLD export 27 40000 USD thousand line 5',
        '2022 RUS WLD export 31 2000 USD thousand line 6',
        // "Other Asia, nes" (490, S19) is Taiwan: its exports count in the world's, and stay apart too.
        '2022 TWN WLD export 84 50 USD thousand line 9',
        '2022 TWN WLD export 85 30 USD thousand line 10',
        // The world's exports, every exporter's summed: the USA's and France's only there.
        `2022 WLD WLD export 30 ${1234.5 + 3000} USD thousand line 2`,
        '2022 WLD WLD export 29 100.25 USD thousand line 3',
        `2022 WLD WLD export 84 ${500 + 700 + 50} USD thousand line 4`,
        '2022 WLD WLD export 27 40000 USD thousand line 5',
        '2022 WLD WLD export 31 2000 USD thousand line 6',
        '2022 WLD WLD export 85 30 USD thousand line 10',
        '2022 WLD WLD export 10 80 USD thousand line 11',
        // k = 10121 lost its leading zero: HS 010121, chapter 01.
        '2022 WLD WLD export 01 10 USD thousand line 12',
        // Each focus country's imports from the world, Taiwan's 50 included.
        '2022 RUS WLD import 30 1234.5 USD thousand line 2',
        '2022 RUS WLD import 29 100.25 USD thousand line 3',
        `2022 RUS WLD import 84 ${500 + 700 + 50} USD thousand line 4`,
        '2022 IND WLD import 27 40000 USD thousand line 5',
        '2022 IND WLD import 31 2000 USD thousand line 6',
      ].sort(),
    );
    // Five exporters: India, Russia, the USA, Taiwan and France.
    const world = result.trade.filter((r) => r.reporter === 'WLD');
    expect(world.map((r) => r.exporters)).toEqual(world.map(() => 5));
    expect(result.trade.filter((r) => r.reporter !== 'WLD').every((r) => r.exporters === undefined)).toBe(
      true,
    );
    const byFile = Object.fromEntries(result.files.map((f) => [f.file, f]));
    expect(byFile['BACI_HS17_Y2022_V202401.csv']).toMatchObject({
      rows: 11,
      used: 11,
      records: 25,
      rejected: {},
    });
    expect(byFile['country_codes_V202401.csv']).toMatchObject({ rows: 5, used: 5, records: 5 });
    expect(result.countryCodes.find((c) => c.code === '490')?.iso3).toBe('TWN');
    expect(byFile['product_codes_HS17_V202401.csv']).toMatchObject({ rows: 8, used: 0, records: 0 });
    // The Readme.txt of the download is not a table and is not read.
    expect(result.files.map((f) => f.file)).not.toContain('Readme.txt');
  });

  it('without a focus, gives every country’s exports to and imports from the world', async () => {
    const result = await ingest(fixture('baci'));
    const usa = result.trade.filter((r) => r.reporter === 'USA').map(brief);
    expect(usa.sort()).toEqual(
      [
        '2022 USA WLD export 84 700 USD thousand line 8',
        '2022 USA WLD export 01 10 USD thousand line 12',
        '2022 USA WLD import 30 3000 USD thousand line 7',
        '2022 USA WLD import 85 30 USD thousand line 10',
        '2022 USA WLD import 10 80 USD thousand line 11',
      ].sort(),
    );
    expect(result.trade.some((r) => r.partner !== 'WLD')).toBe(false);
  });

  it('reads the older country-code layout (iso_3digit_alpha)', async () => {
    const result = await ingest(fixture('baci-legacy-codes'), { focus });
    expect(result.countryCodes.map((c) => `${c.code} ${c.iso3}`)).toEqual(['643 RUS', '699 IND']);
    expect(result.trade.filter((r) => r.partner === 'RUS').map(brief)).toEqual([
      '2019 IND RUS export 30 250.5 USD thousand line 2',
      '2019 IND RUS import 27 3000 USD thousand line 3',
    ]);
  });

  it('counts a repeated row once and rejects a repeated key with another value', async () => {
    const repeat = await folderWith({
      'baci.csv': 't,i,j,k,v,q\n2022,699,643,300490,10,1\n2022,699,643,300490,10,1\n',
    });
    const result = await ingest(repeat, { focus });
    expect(result.trade.filter((r) => r.partner === 'RUS').map(brief)).toEqual([
      '2022 IND RUS export 30 10 USD thousand line 2',
    ]);
    expect(result.rejects).toEqual([{ file: 'baci.csv', line: 3, reason: m.asideRepeat() }]);

    const conflict = await folderWith({
      'baci.csv': 't,i,j,k,v,q\n2022,699,643,300490,10,1\n2022,699,643,300490,12,1\n',
    });
    expect(await problemsOf(conflict, { focus })).toEqual([
      'baci.csv, line 3, column "v": same year, exporter, importer and product as line 2, but a different value (10 there): keep one',
    ]);
  });

  it('reports every bad cell with its column', async () => {
    const bad = await folderWith({
      'baci.csv':
        't,i,j,k,v,q\n22,699,643,300490,10,1\n2022,IN,643,3004,-1,1\n2022,699,643,300490,1e400,NA\n',
    });
    expect(await problemsOf(bad)).toEqual([
      'baci.csv, line 2, column "t": malformed period "22": expected a year such as 2022',
      'baci.csv, line 3, column "i": malformed country code "IN": expected BACI\'s numeric code, such as 699',
      'baci.csv, line 3, column "k": malformed product code "3004": expected an HS code of 6 digits (or 5 without its leading zero)',
      'baci.csv, line 3, column "v": expected a trade value of zero or more, found "-1"',
      'baci.csv, line 4, column "v": expected a number, found "1e400"',
    ]);
  });

  it('keeps its row checks and sums usable by another reader', () => {
    const problems: string[] = [];
    const cells = { t: '2022', i: '699', j: '643', k: '300490', v: '1234.5', q: '           NA' };
    const row = parseBaciRow(cells, 7, (c, message) => problems.push(`${c}: ${message}`));
    expect(row).toEqual({
      line: 7,
      year: 2022,
      exporter: 699,
      importer: 643,
      product: 300490,
      value: 1234.5,
      quantity: null,
    });
    expect(problems).toEqual([]);
    const extractor = createBaciExtractor({
      reporter: 'IND',
      iso3: (code) => ({ '699': 'IND', '643': 'RUS' })[code],
    });
    if (row) extractor.add(row);
    const { sums, setAside } = focusExtract(extractor.extract(), focus);
    expect(sums.map((s) => brief({ ...s, file: 'f.csv', source: 'src' }))).toEqual([
      '2022 IND WLD export 30 1234.5 USD thousand line 7',
      '2022 RUS WLD import 30 1234.5 USD thousand line 7',
      '2022 IND RUS export 30 1234.5 USD thousand line 7',
    ]);
    expect(setAside).toEqual([]);
  });

  describe('sums by HS4 heading', () => {
    // Three exporters (one the reporter) to forty importers, 60 rows a pair: 7,200 rows over 2,336
    // headings, more than the 2,048 a country's sums first have room for, so they are laid out again
    // (at line 2,116, amid adds held); each importer buys 66 headings, 54 of them from all three.
    const iso3 = (code: string) => (code === '699' ? 'IND' : `C${code}`);
    const rows = Array.from({ length: 3 * 40 * 60 }, (_, r) => {
      const pair = Math.floor(r / 60);
      const n = r % 60;
      const heading = 1000 + (((pair % 40) * 53 + (n + 3 * Math.floor(pair / 40)) * 43) % 2600);
      return {
        line: r + 2,
        year: 2022,
        exporter: [699, 100, 200][Math.floor(pair / 40)] as number,
        importer: 300 + (pair % 40),
        product: heading * 100 + (n % 7),
        // Three decimals, or (row 5,000 on) four: the sums are then no longer kept exact.
        value: r === 5000 ? 0.0001 : ((r * 7919) % 100_000) / 1000,
        quantity: null,
      };
    });

    /** The sums by heading as the formula gives them, cells in the order first met. */
    function expected(kind: 'world' | 'reporterWorld' | 'importWorld', countries: string[]) {
      const sums = new Map<number, { value: number; line: number }>();
      let exact = true;
      for (const row of rows) {
        if (exact && row.value === 0.0001) {
          exact = false;
          for (const sum of sums.values()) sum.value /= 1000;
        }
        const heading = Math.floor(row.product / 100);
        const importer = countries.indexOf(iso3(String(row.importer)));
        if (kind === 'reporterWorld' && row.exporter !== 699) continue;
        const cell = kind === 'importWorld' ? importer * 10_000 + heading : heading;
        const sum = sums.get(cell) ?? { value: 0, line: row.line };
        sum.value += exact ? Math.round(row.value * 1000) : row.value;
        sums.set(cell, sum);
      }
      return {
        cells: [...sums.keys()],
        values: [...sums.values()].map((s) => (exact ? s.value / 1000 : s.value)),
        lines: [...sums.values()].map((s) => s.line),
      };
    }

    const headingsOf = (extract: ReturnType<ReturnType<typeof createBaciExtractor>['extract']>) =>
      extract.headings.map((h) => ({
        kind: h.kind,
        cells: Array.from(h.cells),
        values: Array.from(h.values),
        lines: Array.from(h.lines),
      }));

    it('are the sums of the rows, each with its first line, cells in the order first met', () => {
      const extractor = createBaciExtractor({ reporter: 'IND', iso3 });
      for (const row of rows) extractor.add(row);
      const extract = extractor.extract();
      expect(extractor.isExact()).toBe(false);
      const kinds = ['world', 'reporterWorld', 'importWorld'] as const;
      expect(headingsOf(extract)).toEqual(
        kinds.map((kind) => ({ kind, ...expected(kind, extract.countries) })),
      );
      const importWorld = headingsOf(extract)[2];
      expect(importWorld?.cells.length).toBe(40 * 66);
      expect(new Set(importWorld?.cells.map((cell) => cell % 10_000)).size).toBe(2336);
    });

    it('are the same read in two parts and joined', () => {
      const whole = createBaciExtractor({ reporter: 'IND', iso3 });
      for (const row of rows) whole.add(row);
      // Both parts are exact: the join is exact up to row 5,000, as one pass is.
      const first = createBaciExtractor({ reporter: 'IND', iso3 });
      const second = createBaciExtractor({ reporter: 'IND', iso3 });
      for (const row of rows.slice(0, 3000)) first.add(row);
      for (const row of rows.slice(3000, 5000)) second.add(row);
      first.absorb(second.state());
      const upTo5000 = createBaciExtractor({ reporter: 'IND', iso3 });
      for (const row of rows.slice(0, 5000)) upTo5000.add(row);
      expect(headingsOf(first.extract())).toEqual(headingsOf(upTo5000.extract()));
      expect(first.extract().countries).toEqual(upTo5000.extract().countries);
    });

    it('are, read in one part, the extract as that part made it', () => {
      const extractor = createBaciExtractor({ reporter: 'IND', iso3 });
      for (const row of rows) extractor.add(row);
      const joined = joinParts('IND', [extractor.state()]);
      expect(joined.isExact).toBe(false);
      expect(joined.extract).toEqual(extractor.extract());
      // And so while exact.
      const exact = createBaciExtractor({ reporter: 'IND', iso3 });
      for (const row of rows.slice(0, 5000)) exact.add(row);
      expect(joinParts('IND', [exact.state()])).toEqual({ extract: exact.extract(), isExact: true });
    });
  });
});

import { describe, expect, it } from 'vitest';
import { inputMessages as m } from '../../src/core/messages.ts';
import { createBaciExtractor, focusExtract } from '../../src/ingest/adapters/baciExtract.ts';
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
        // Every country's exports to the world: India 1234.5 + 3000 (to the USA) in chapter 30.
        `2022 IND WLD export 30 ${1234.5 + 3000} USD thousand line 2`,
        '2022 IND WLD export 29 100.25 USD thousand line 3',
        '2022 IND WLD export 84 500 USD thousand line 4',
        '2022 RUS WLD export 27 40000 USD thousand line 5',
        '2022 RUS WLD export 31 2000 USD thousand line 6',
        '2022 USA WLD export 84 700 USD thousand line 8',
        '2022 FRA WLD export 10 80 USD thousand line 11',
        // "Other Asia, nes" (490, S19) is Taiwan: its exports count in the world's.
        '2022 TWN WLD export 84 50 USD thousand line 9',
        '2022 TWN WLD export 85 30 USD thousand line 10',
        // k = 10121 lost its leading zero: HS 010121, chapter 01.
        '2022 USA WLD export 01 10 USD thousand line 12',
        // Each focus country's imports from the world, Taiwan's 50 included.
        '2022 RUS WLD import 30 1234.5 USD thousand line 2',
        '2022 RUS WLD import 29 100.25 USD thousand line 3',
        `2022 RUS WLD import 84 ${500 + 700 + 50} USD thousand line 4`,
        '2022 IND WLD import 27 40000 USD thousand line 5',
        '2022 IND WLD import 31 2000 USD thousand line 6',
      ].sort(),
    );
    const byFile = Object.fromEntries(result.files.map((f) => [f.file, f]));
    expect(byFile['BACI_HS17_Y2022_V202401.csv']).toMatchObject({
      rows: 11,
      used: 11,
      records: 20,
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
});

import { describe, expect, it } from 'vitest';
import type { FileReport, TradeRecord } from '../../src/ingest/records.ts';
import { sumWorldExports } from '../../src/ingest/worldSums.ts';
import { brief } from './folders.ts';

const focus = { reporter: 'IND', partners: ['RUS'] };

function exports(file: string, period: string, rows: [string, string, number][]): TradeRecord[] {
  return rows.map(([reporter, product, value], i) => ({
    period,
    reporter,
    partner: 'WLD',
    flow: 'export',
    product,
    value,
    unit: 'USD thousand',
    status: 'final',
    source: file.startsWith('BACI') ? 'baci' : 'comtrade',
    file,
    line: i + 2,
  }));
}

function report(file: string, format: string, records: number): FileReport {
  return {
    file,
    format,
    sha256: '',
    rows: records,
    used: records,
    rejected: {},
    rejectedColumns: {},
    records,
    classifications: [],
  };
}

const BACI = 'BACI_HS17_Y2022_V202401.csv';
const year2022 = exports(BACI, '2022', [
  ['FRA', '01', 0.1],
  ['DEU', '01', 0.2],
  ['TWN', '01', 0.4],
  ['IND', '30', 5],
  ['RUS', '27', 7],
  ['DEU', '30', 1.5],
]);

describe("a BACI file's exports to the world", () => {
  it('are summed exactly over every exporter, beside the focus countries’ own and Taiwan’s', () => {
    const files = [report(BACI, 'baci', 6)];
    const out = sumWorldExports(year2022, files, focus);
    // 0.1 + 0.2 + 0.4 added as doubles is 0.7000000000000001; as thousandths, 0.7.
    expect(out.map(brief)).toEqual([
      '2022 WLD WLD export 01 0.7 USD thousand line 2',
      `2022 WLD WLD export 30 ${5 + 1.5} USD thousand line 5`,
      '2022 WLD WLD export 27 7 USD thousand line 6',
      '2022 TWN WLD export 01 0.4 USD thousand line 4',
      '2022 IND WLD export 30 5 USD thousand line 5',
      '2022 RUS WLD export 27 7 USD thousand line 6',
    ]);
    // Five exporters: France, Germany, Taiwan, India and Russia.
    expect(out.map((r) => r.exporters)).toEqual([5, 5, 5, undefined, undefined, undefined]);
    // Six records made, three summed away, three sums made.
    expect(files[0]?.records).toBe(6);
  });

  it('are left each to its exporter where another file gives exports to the world that year', () => {
    const comtrade = exports('comtrade.csv', '2022', [['IND', 'TOTAL', 6]]);
    const other = exports(BACI, '2021', [
      ['FRA', '01', 1],
      ['IND', '01', 2],
    ]);
    const files = [report(BACI, 'baci', 8), report('comtrade.csv', 'comtrade-plus', 1)];
    const out = sumWorldExports([...year2022, ...other, ...comtrade], files, focus);
    // 2022 as read, for the choice between the two sources to be made exporter by exporter; 2021 summed.
    expect(out.filter((r) => r.period === '2022')).toEqual([...year2022, ...comtrade]);
    expect(out.filter((r) => r.period === '2021').map(brief)).toEqual([
      '2021 WLD WLD export 01 3 USD thousand line 2',
      '2021 IND WLD export 01 2 USD thousand line 3',
    ]);
    expect(files.map((f) => f.records)).toEqual([8, 1]);
  });

  it('count the exporters of products on product chapters, and every exporter on chapters 77, 98 and 99', () => {
    const files = [report(BACI, 'baci', 8)];
    const out = sumWorldExports(
      [
        ...year2022,
        ...exports(BACI, '2022', [['ESP', '99', 3]]),
        ...exports(BACI, '2022', [['FRA', '99', 1]]),
      ],
      files,
      focus,
    );
    const world = out.filter((r) => r.reporter === 'WLD');
    expect(world.map((r) => [r.product, r.value, r.exporters])).toEqual([
      ['01', 0.7, 5],
      ['30', 6.5, 5],
      ['27', 7, 5],
      ['99', 4, 6],
    ]);
  });

  it('are left as read where a value is not whole thousandths, whose sums would depend on their order', () => {
    const finer = [...year2022, ...exports(BACI, '2022', [['ESP', '01', 0.0001]])];
    expect(sumWorldExports(finer, [report(BACI, 'baci', 7)], focus)).toEqual(finer);
  });

  it('are left as read where the file codes an exporter as the world', () => {
    const coded = [...year2022, ...exports(BACI, '2022', [['WLD', '01', 9]])];
    expect(sumWorldExports(coded, [report(BACI, 'baci', 7)], focus)).toEqual(coded);
  });

  it('are left as read without a focus, and in formats other than BACI', () => {
    expect(sumWorldExports(year2022, [report(BACI, 'baci', 6)], undefined)).toEqual(year2022);
    expect(sumWorldExports(year2022, [report(BACI, 'canonical', 6)], focus)).toEqual(year2022);
  });
});

import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.ts';
import { formatProblem, InputError } from '../../src/core/errors.ts';
import { inputMessages as m, normaliseMessages } from '../../src/core/messages.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { normalise } from '../../src/normalise/normalise.ts';
import type { TradeRow } from '../../src/normalise/table.ts';
import { folderWith } from './folders.ts';

// SYNTHETIC values in Comtrade Plus's layout: one download per product code, as users make them.
const HEADER =
  'typeCode,freqCode,refYear,reporterCode,reporterISO,flowCode,partnerCode,partnerISO,partner2Code,classificationCode,cmdCode,aggrLevel,customsCode,mosCode,motCode,primaryValue';
const plus = (rows: [year: number, code: string, value: number][]) =>
  [
    HEADER,
    ...rows.map(
      ([year, code, value]) => `C,A,${year},699,IND,X,643,RUS,0,H6,${code},${code.length},C00,0,0,${value}`,
    ),
  ].join('\n');
const row = (r: TradeRow) => `${r.period} ${r.flow} ${r.product} ${r.valueUsd} ${r.sources.join('+')}`;
const pair = (priority: string[] = []) =>
  parseConfig({ reporter: 'IND', partner: 'RUS', sourcePriority: priority }, 'test');

const DOWNLOADS = {
  'TradeData_2402.csv': plus([
    [2020, '2402', 1_000_000],
    [2021, '2402', 1_200_000],
    [2022, '2402', 1_500_000],
  ]),
  'TradeData_240110_240120.csv': plus([
    [2020, '240110', 300_000],
    [2020, '240120', 200_000],
    [2021, '240110', 310_000],
    [2021, '240120', 210_000],
    [2022, '240110', 320_000],
    [2022, '240120', 230_000],
  ]),
  // HS 2401 for some years only; in 2022 it is not the sum of the two HS6 codes under it.
  'TradeData_2401.csv': plus([
    [2021, '2401', 520_000],
    [2022, '2401', 560_000],
  ]),
};

describe('one download per product', () => {
  it('adds different products up, one level per heading, and counts an exact repeat once', async () => {
    const dir = await folderWith({
      ...DOWNLOADS,
      'TradeData_2402_again.csv': DOWNLOADS['TradeData_2402.csv'],
    });
    const ingested = await ingest(dir, { focus: { reporter: 'IND', partners: ['RUS'] } });
    const normalised = normalise(ingested, pair());
    // Files no sources table covers are cited as the download they are.
    const comtrade = 'un-comtrade-plus-h6';
    expect(normalised.trade.filter((r) => r.product !== 'TOTAL').map(row)).toEqual([
      // 2020: no 2401, so 240110 + 240120 stand for it, beside 2402.
      `2020 export 24 ${1_000_000 + 300_000 + 200_000} ${comtrade}`,
      // 2021 and 2022: 2401 is used and the HS6 codes under it are not counted again.
      `2021 export 24 ${1_200_000 + 520_000} ${comtrade}`,
      `2022 export 24 ${1_500_000 + 560_000} ${comtrade}`,
    ]);
    expect(
      normalised.trade
        .filter((r) => r.product === '24')
        .map((r) => r.refs.map((ref) => ref.split('.csv')[0])),
    ).toEqual([
      ['TradeData_240110_240120', 'TradeData_240110_240120', 'TradeData_2402'],
      ['TradeData_2401', 'TradeData_2402'],
      ['TradeData_2401', 'TradeData_2402'],
    ]);
    expect(normalised.trade.filter((r) => r.product === 'TOTAL').map((r) => r.valueUsd)).toEqual([
      1_500_000, 1_720_000, 2_060_000,
    ]);
    // Different products are not rival sources: no conflict anywhere.
    expect(normalised.notes.filter((n) => n.kind === 'conflict')).toEqual([]);
    // The repeat is set aside, not used.
    const report = ingested.files.find((f) => f.file === 'TradeData_2402_again.csv');
    expect(report).toMatchObject({
      rows: 3,
      used: 0,
      records: 0,
      rejected: { [m.asideRepeatedFile('TradeData_2402.csv')]: 3 },
    });
    expect(ingested.files.find((f) => f.file === 'TradeData_2402.csv')).toMatchObject({ rows: 3, used: 3 });
  });

  it('calls it a conflict only for the same product: refused when nothing decides, else the preferred source', async () => {
    const dir = await folderWith({
      ...DOWNLOADS,
      // Our own file, another source, with another 2021 value for HS 2402; 2020 agrees.
      'mine.csv': [
        'period,reporter,partner,flow,product,value,unit',
        '2020,IND,RUS,export,2402,1,USD mn',
        '2021,IND,RUS,export,2402,1.25,USD mn',
      ].join('\n'),
    });
    const ingested = await ingest(dir, { focus: { reporter: 'IND', partners: ['RUS'] } });
    let problems: string[] = [];
    try {
      normalise(ingested, pair());
    } catch (error) {
      problems = (error as InputError).problems.map(formatProblem);
    }
    expect(problems).toEqual([
      `TradeData_2402.csv, line 3: ${normaliseMessages.undecidedConflict(
        '2021 IND→RUS exports, HS 2402',
        'USD 1.2 m',
        'USD 1.3 m',
        'mine.csv:3',
        ['file:mine.csv', 'un-comtrade-plus-h6'],
      )}`,
    ]);
    const decided = normalise(ingested, pair(['file:mine.csv']));
    expect(decided.trade.find((r) => r.period === '2021' && r.product === '24')?.valueUsd).toBe(
      1_250_000 + 520_000,
    );
    expect(decided.notes.filter((n) => n.kind === 'conflict').map((n) => n.text)).toEqual([
      '2021 IND→RUS exports, HS 2402: USD 1.3 m from file:mine.csv is used; UN Comtrade Plus gives USD 1.2 m.',
    ]);
  });

  it('refuses a revised download beside the first: one source, two values', async () => {
    const dir = await folderWith({
      ...DOWNLOADS,
      'TradeData_2402_revised.csv': plus([
        [2020, '2402', 1_000_000],
        [2021, '2402', 1_250_000],
      ]),
    });
    let problems: string[] = [];
    try {
      await ingest(dir);
    } catch (error) {
      problems = (error as InputError).problems.map(formatProblem);
    }
    expect(problems).toEqual([
      `TradeData_2402_revised.csv, line 3: ${m.duplicateKey(3, '1200000 USD', 'TradeData_2402.csv')}`,
    ]);
  });
});

describe('the same figure in another unit', () => {
  const CANONICAL = 'period,reporter,partner,flow,product,value,unit';

  it('is a repeat when the amounts agree after the unit', async () => {
    const dir = await folderWith({
      'a.csv': [CANONICAL, 'FY2024-25,IND,RUS,export,TOTAL,4881.3,USD mn'].join('\n'),
      'b.csv': [CANONICAL, 'FY2024-25,IND,RUS,export,TOTAL,4.8813,USD bn'].join('\n'),
    });
    const ingested = await ingest(dir);
    expect(ingested.trade.map((r) => `${r.file} ${r.value} ${r.unit}`)).toEqual(['a.csv 4881.3 USD mn']);
    expect(ingested.files.find((f) => f.file === 'b.csv')).toMatchObject({
      used: 0,
      rejected: { [m.asideRepeatedFile('a.csv')]: 1 },
    });
  });

  it('is a conflict when the same number comes in another unit: 1000× is never taken silently', async () => {
    const files = {
      'a.csv': [CANONICAL, 'FY2024-25,IND,RUS,export,TOTAL,4881.3,USD mn'].join('\n'),
      'b.csv': [CANONICAL, 'FY2024-25,IND,RUS,export,TOTAL,4881.3,USD bn'].join('\n'),
    };
    const ingested = await ingest(await folderWith(files));
    expect(ingested.trade).toHaveLength(2);
    expect(() => normalise(ingested, pair())).toThrow(InputError);
    // With a preference, the preferred figure is used and the other shown in the notes.
    const decided = normalise(ingested, pair(['file:a.csv']));
    expect(decided.trade.find((r) => r.product === 'TOTAL')?.valueUsd).toBe(4_881_300_000);
    expect(decided.notes.filter((n) => n.kind === 'conflict').map((n) => n.text)).toEqual([
      'FY2024-25 IND→RUS exports, total: USD 4,881 m from file:a.csv is used; file:b.csv gives USD 4,881.3 bn.',
    ]);
    // In one file (one source), it is a problem of that file.
    const one = await folderWith({
      'trade.csv': [
        CANONICAL,
        'FY2024-25,IND,RUS,export,TOTAL,4881.3,USD mn',
        'FY2024-25,IND,RUS,export,TOTAL,4881.3,USD bn',
      ].join('\n'),
    });
    await expect(ingest(one)).rejects.toThrow(InputError);
    try {
      await ingest(one);
    } catch (error) {
      expect((error as InputError).problems.map(formatProblem)).toEqual([
        `trade.csv, line 3, column "value": ${m.duplicateKey(2, '4881.3 USD mn')}`,
      ]);
    }
  });
});

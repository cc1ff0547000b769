import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.ts';
import { InputError } from '../../src/core/errors.ts';
import { inputMessages } from '../../src/core/messages.ts';
import { emptyRecords, type IngestResult, type TradeRecord } from '../../src/ingest/records.ts';
import { toChapters } from '../../src/normalise/chapters.ts';
import { normalise } from '../../src/normalise/normalise.ts';

const config = parseConfig({ reporter: 'IND', partner: 'RUS', sourcePriority: ['a', 'b'] }, 'test');

function row(partial: Partial<TradeRecord>): TradeRecord {
  return {
    period: 'FY2024-25',
    reporter: 'IND',
    partner: 'RUS',
    flow: 'export',
    product: 'TOTAL',
    value: 100,
    unit: 'USD mn',
    source: 'a',
    status: 'final',
    file: 't.csv',
    line: 2,
    ...partial,
  };
}

function ingested(trade: TradeRecord[], extra: Partial<IngestResult> = {}): IngestResult {
  const sources = ['a', 'b'].map((id) => ({
    id,
    title: id,
    publisher: id.toUpperCase(),
    url: '',
    files: [],
    note: '',
    file: 's.csv',
    line: 2,
  }));
  return { ...emptyRecords(), sources, trade, files: [], rejects: [], classifications: [], ...extra };
}

describe('toChapters', () => {
  it('uses a chapter row as it is, and otherwise the most aggregated codes present', () => {
    const rows = [
      { product: '27', valueUsd: 10, refs: ['a'] },
      { product: '2709', valueUsd: 9, refs: ['b'] },
      { product: '0901', valueUsd: 3, refs: ['c'] },
      { product: '090111', valueUsd: 2, refs: ['d'] },
      { product: '0902', valueUsd: 4, refs: ['e'] },
      // No 2401: its HS6 codes stand for it, beside the HS4 code 2402.
      { product: '240110', valueUsd: 5, refs: ['f'] },
      { product: '240120', valueUsd: 6, refs: ['g'] },
      { product: '2402', valueUsd: 7, refs: ['h'] },
    ];
    expect(toChapters(rows)).toEqual([
      { product: '27', valueUsd: 10, refs: ['a'], parts: [rows[0]] },
      { product: '09', valueUsd: 3 + 4, refs: ['c', 'e'], parts: [rows[2], rows[4]] },
      { product: '24', valueUsd: 5 + 6 + 7, refs: ['f', 'g', 'h'], parts: rows.slice(5) },
    ]);
  });

  it('leaves out a code under one of any length present, one digit shorter included', () => {
    const code = (product: string, valueUsd: number) => ({ product, valueUsd, refs: [product] });
    const rows = [
      code('8517', 1),
      code('85171', 2), // under 8517, one digit longer
      code('851712', 4), // under 8517
      code('85181', 8), // no code above it
      code('851810', 16), // under 85181, a 5-digit line
      code('851910', 32), // no code above it
      code('8519101', 64), // under 851910, one digit longer
    ];
    const [chapter] = toChapters(rows);
    expect(chapter?.parts.map((r) => r.product)).toEqual(['8517', '85181', '851910']);
    expect(chapter?.valueUsd).toBe(1 + 8 + 32);
  });

  it('leaves out every national line under a code present, among thousands in one chapter', () => {
    // 500 national lines of a heading, numbered on from `first`.
    const lines = (heading: string, first: number) =>
      Array.from({ length: 500 }, (_, i) => ({
        product: `${heading}${first + i}`,
        valueUsd: 1,
        refs: [`${heading}:${i}`],
      }));
    const rows = [
      { product: '8471', valueUsd: 1000, refs: ['8471'] },
      ...lines('8471', 1000),
      { product: '847330', valueUsd: 200, refs: ['847330'] },
      // 84732900 to 84733399: the hundred from 84733000 are under 847330.
      ...lines('8473', 2900),
      ...lines('8474', 1000),
    ];
    const [chapter] = toChapters(rows);
    const counted = (code: string) =>
      code === '8471' ||
      code === '847330' ||
      code.startsWith('8474') ||
      (code.startsWith('8473') && !code.startsWith('847330'));
    expect(chapter?.parts).toEqual(rows.filter((r) => counted(r.product)));
    expect(chapter?.parts).toHaveLength(2 + 400 + 500);
    expect(chapter?.valueUsd).toBe(1000 + 200 + 400 + 500);
  });
});

describe('normalise', () => {
  it('converts to USD and adds an explicit Other line where chapters fall short of the total', () => {
    const n = normalise(
      ingested([
        row({ value: 4_493.51 }),
        row({ product: '30', value: 471.34, line: 3 }),
        row({ product: '84', value: 660.18, line: 4 }),
      ]),
      config,
    );
    const other = n.trade.find((r) => r.product === 'OTHER');
    expect(other?.valueUsd).toBeCloseTo((4_493.51 - 471.34 - 660.18) * 1e6, 0);
    expect(n.trade.find((r) => r.product === '30')?.sector).toBe('pharmaceuticals');
    expect(n.trade.find((r) => r.product === '84')?.sector).toBe('engineering');
    expect(n.notes.some((note) => note.kind === 'coverage' && note.text.includes('2 chapters'))).toBe(true);
  });

  it('derives a total from chapters when a report has none, and says so', () => {
    const n = normalise(
      ingested([row({ product: '30', value: 5 }), row({ product: '84', value: 7, line: 3 })]),
      config,
    );
    expect(n.trade.find((r) => r.product === 'TOTAL')?.valueUsd).toBe(12e6);
    expect(n.notes.some((note) => note.text.includes('sum of its chapters'))).toBe(true);
  });

  it('takes the preferred source and notes a real disagreement', () => {
    const n = normalise(
      ingested([row({ source: 'b', value: 120 }), row({ source: 'a', value: 100, line: 3 })]),
      config,
    );
    const totals = n.trade.filter((r) => r.product === 'TOTAL');
    expect(totals).toHaveLength(1);
    expect(totals[0]?.sources).toEqual(['a']);
    expect(n.notes.find((note) => note.kind === 'conflict')?.text).toBe(
      'FY2024-25 IND→RUS exports, total: USD 100 m from A is used; B gives USD 120 m.',
    );
  });

  it('converts rupees with the rate for the period, and refuses without one', () => {
    const rates = [{ period: 'FY2024-25', currency: 'INR', perUsd: 84, source: 'a', file: 'r.csv', line: 2 }];
    const n = normalise(ingested([row({ unit: 'INR crore', value: 840 })], { rates }), config);
    expect(n.trade[0]?.valueUsd).toBeCloseTo((840 * 1e7) / 84, 6);
    expect(() =>
      normalise(ingested([row({ unit: 'INR crore', value: 840, period: 'FY2023-24' })], { rates }), config),
    ).toThrow(/no INR per USD exchange rate for FY2023-24/);
  });

  it('names national chapters the HS lacks from the labels a trade file gives, as sentences', () => {
    const n = normalise(
      ingested([row({ product: '98' })], {
        hsChapters: [{ code: '27', name: 'Mineral fuels', section: 'V' }],
        productLabels: [
          { code: '98', name: 'PROJECT GOODS; SOME SPECIAL USES.' },
          { code: '27', name: 'MINERAL FUELS, MINERAL OILS' },
        ],
      }),
      config,
    );
    const named = (code: string) => n.chapters.find((c) => c.code === code)?.name;
    // The inputs' own name wins over the built-in HS 2022 one, which names the chapters they leave out.
    expect(named('27')).toBe('Mineral fuels');
    expect(named('98')).toBe('Project goods; some special uses');
    expect(named('30')).toBe('Pharmaceutical products');
    expect(n.chapters.filter((c) => c.code === '27')).toHaveLength(1);
  });

  it('refuses a source priority that misspells a source it does not rank otherwise', () => {
    const withPriority = (sourcePriority: string[]) =>
      parseConfig({ reporter: 'IND', partner: 'RUS', sourcePriority }, 'test');
    const keys = (sourcePriority: string[]) => {
      try {
        normalise(ingested([row({})]), withPriority(sourcePriority));
        return [];
      } catch (error) {
        return (error as InputError).problems.map((p) => p.key);
      }
    };
    const sources = (ids: string[]) =>
      ids.map((id) => ({
        id,
        title: id,
        publisher: id,
        url: '',
        files: [],
        note: '',
        file: 's.csv',
        line: 2,
      }));
    const two = ingested([row({ source: 'comtrade-2023' })], { sources: sources(['comtrade-2023', 'eidb']) });
    const refused = (sourcePriority: string[]) => {
      try {
        normalise(two, withPriority(sourcePriority));
        return [];
      } catch (error) {
        return (error as InputError).problems.map((p) => `${p.key}: ${p.message}`);
      }
    };
    // "comtrade-2032" ranks nothing: "comtrade-2023" was meant, and would lose to "eidb" below it.
    expect(refused(['comtrade-2032', 'eidb'])).toEqual([
      `sourcePriority.0: ${inputMessages.misspeltPriority('comtrade-2032', 'comtrade-2023')}`,
    ]);
    // A year these inputs lack, beside the one they hold; and ids far from every source: sources not here.
    expect(refused(['comtrade-2022', 'comtrade-2023', 'eidb'])).toEqual([]);
    // Last, it outranks nothing: the source meant is ranked below the others either way.
    expect(refused(['eidb', 'comtrade-2032'])).toEqual([]);
    expect(keys(['a', 'b', 'dgcis-ftspcc', 'baci'])).toEqual([]);
  });

  it('fails with a clear input error when the pair has no trade at all', () => {
    expect(() => normalise(ingested([row({ partner: 'CHN' })]), config)).toThrow(InputError);
    expect(() => normalise(ingested([row({ partner: 'CHN' })]), config)).toThrow(
      /no trade rows between IND and RUS/,
    );
  });
});

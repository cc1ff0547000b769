import { type Config, configSchema } from '../../src/config/schema.ts';
import { WORLD } from '../../src/core/countries.ts';
import { expandChapterRange } from '../../src/core/hs.ts';
import { parsePeriod } from '../../src/core/periods.ts';
import { computeIndicators } from '../../src/indicators/compute.ts';
import type { Indicator, IndicatorSet } from '../../src/indicators/types.ts';
import type { Flow } from '../../src/ingest/records.ts';
import type { FigureRow, Normalised, ProductRow, TradeRow } from '../../src/normalise/table.ts';

export { WORLD };

/** Small sector set for fixtures: one chapter, one chapter, a range. */
export const SECTORS = [
  { id: 'fuels', name: 'Fuels', chapters: ['27'] },
  { id: 'pharma', name: 'Pharmaceuticals', chapters: ['30'] },
  { id: 'machines', name: 'Machinery', chapters: ['84-85'] },
];

/** A nomenclature of ten chapters: N for the normalised HHI. */
export const CHAPTERS = ['03', '10', '27', '29', '30', '71', '84', '85', '87', '90'];

/** One normalised trade row; "FY2024-25" is fiscal, "2019" calendar. */
export function row(
  period: string,
  reporter: string,
  partner: string,
  flow: Flow,
  product: string,
  valueUsd: number,
  extra: Partial<TradeRow> = {},
): TradeRow {
  const parsed = parsePeriod(period);
  if (!parsed) throw new Error(`bad period in fixture: ${period}`);
  return {
    period: parsed.label,
    basis: parsed.basis,
    year: parsed.year,
    reporter,
    partner,
    flow,
    product,
    sector: '',
    valueUsd,
    status: 'final',
    sources: ['src-trade'],
    refs: [],
    ...extra,
  };
}

/** The pair's totals both ways for one period: IND exports x to RUS and imports m from it. */
export function pairYear(period: string, x: number, m: number, extra: Partial<TradeRow> = {}): TradeRow[] {
  return [
    row(period, 'IND', 'RUS', 'export', 'TOTAL', x, extra),
    row(period, 'IND', 'RUS', 'import', 'TOTAL', m, extra),
  ];
}

/** A published sector import-demand figure of the partner. */
export function demand(sector: string, value: number, valueHigh?: number): FigureRow {
  return {
    topic: 'sector',
    measure: 'import_demand',
    sector,
    scope: 'RUS',
    period: 'annual',
    value,
    ...(valueHigh === undefined ? {} : { valueHigh }),
    unit: 'USD',
    qualifier: valueHigh === undefined ? '' : 'range',
    source: 'src-demand',
    confidence: 'medium',
    note: '',
    ref: 'figures.csv:2',
  };
}

export function target(year: number, value: number): FigureRow {
  return {
    topic: 'target',
    measure: 'trade_target',
    sector: '',
    scope: 'IND-RUS',
    period: String(year),
    year,
    value,
    unit: 'USD',
    qualifier: '',
    source: 'src-target',
    confidence: 'high',
    note: '',
    ref: 'figures.csv:3',
  };
}

/** A Normalised table for IND (reporter) and RUS (partner) holding exactly the rows given. */
export function fixture(
  trade: TradeRow[],
  options: {
    figures?: FigureRow[];
    config?: Partial<Config>;
    chapters?: string[];
    products?: ProductRow[];
  } = {},
): Normalised {
  const config = configSchema.parse({ reporter: 'IND', partner: 'RUS', sectors: SECTORS, ...options.config });
  const sectors = config.sectors.map((s) => ({ ...s, chapterList: s.chapters.flatMap(expandChapterRange) }));
  const sectorOf = (code: string) => sectors.find((s) => s.chapterList.includes(code))?.id ?? 'other';
  return {
    config,
    trade,
    products: options.products ?? [],
    scope: { complete: true, products: [] },
    figures: options.figures ?? [],
    sources: [],
    chapters: (options.chapters ?? CHAPTERS).map((code) => ({
      code,
      name: `Chapter ${code}`,
      section: 'I',
      sector: sectorOf(code),
    })),
    sections: [],
    sectors,
    notes: [],
    files: [],
    rejects: {},
  };
}

export function compute(trade: TradeRow[], options: Parameters<typeof fixture>[1] = {}): IndicatorSet {
  const n = fixture(trade, options);
  return computeIndicators(n, n.config);
}

/** Every indicator with this id and exactly these dims (and period, when given). */
export function all(
  set: IndicatorSet,
  id: string,
  dims: Record<string, string> = {},
  period?: string,
): Indicator[] {
  const same = (a: Record<string, string> = {}) =>
    Object.keys(a).length === Object.keys(dims).length && Object.entries(dims).every(([k, v]) => a[k] === v);
  return set.indicators.filter(
    (i) => i.id === id && same(i.dims) && (period === undefined || i.period === period),
  );
}

/** The one indicator with this id, exactly these dims and this period; fails the test if absent. */
export function one(
  set: IndicatorSet,
  id: string,
  dims: Record<string, string> = {},
  period?: string,
): Indicator {
  const found = all(set, id, dims, period);
  if (found.length !== 1) {
    throw new Error(`expected one ${id} ${JSON.stringify(dims)} ${period ?? ''}, found ${found.length}`);
  }
  return found[0] as Indicator;
}

/** The value of that one indicator; fails the test when it is not available. */
export function value(
  set: IndicatorSet,
  id: string,
  dims: Record<string, string> = {},
  period?: string,
): number {
  const found = one(set, id, dims, period);
  if (found.value === null) throw new Error(`${id} ${JSON.stringify(dims)} is not available: ${found.needs}`);
  return found.value;
}

/** FY2023-24 exports fully itemised; FY2024-25 both flows with a part not itemised (OTHER). */
export const detailed: TradeRow[] = [
  ...pairYear('FY2023-24', 100, 500),
  row('FY2023-24', 'IND', 'RUS', 'export', '30', 70),
  row('FY2023-24', 'IND', 'RUS', 'export', '84', 30),
  ...pairYear('FY2024-25', 150, 600),
  row('FY2024-25', 'IND', 'RUS', 'export', '30', 60),
  row('FY2024-25', 'IND', 'RUS', 'export', '84', 30),
  row('FY2024-25', 'IND', 'RUS', 'export', 'OTHER', 60),
  row('FY2024-25', 'IND', 'RUS', 'import', '27', 450),
  row('FY2024-25', 'IND', 'RUS', 'import', '98', 30),
  row('FY2024-25', 'IND', 'RUS', 'import', 'OTHER', 120),
];

/**
 * 2019 exports to the world by chapter of three reporters, each fully itemised:
 * IND 30: 20, 84: 10, 03: 10 (40); RUS 27: 100, 84: 20 (120); FRA 30: 40, 84: 60, 87: 40 (140).
 * World: 30: 60, 84: 90, 03: 10, 27: 100, 87: 40; total 300.
 */
export const world2019: TradeRow[] = [
  ...(
    [
      ['IND', '30', 20],
      ['IND', '84', 10],
      ['IND', '03', 10],
      ['RUS', '27', 100],
      ['RUS', '84', 20],
      ['FRA', '30', 40],
      ['FRA', '84', 60],
      ['FRA', '87', 40],
    ] as const
  ).map(([reporter, chapter, v]) =>
    row('2019', reporter, WORLD, 'export', chapter, v, { sources: ['src-world'] }),
  ),
  ...(
    [
      ['IND', 40],
      ['RUS', 120],
      ['FRA', 140],
    ] as const
  ).map(([reporter, v]) => row('2019', reporter, WORLD, 'export', 'TOTAL', v, { sources: ['src-world'] })),
];

import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/core/periods.ts';
import type { Flow } from '../../src/ingest/records.ts';
import type { ProductRow, TradeRow } from '../../src/normalise/table.ts';
import { buildTables } from '../../src/tables/build.ts';
import { compute, one, row, value, WORLD } from './fixtures.ts';

/**
 * A hand-made 2022 matrix of three countries and four HS6 lines in two headings, 3004 and 8471:
 * exports to the world   IND 300410: 30, 300490: 20, 847130: 10
 *                        RUS 300490: 5, 847130: 40, 847150: 60
 *                        FRA 300410: 50, 300490: 45, 847150: 90
 * RUS imports from the world   300410: 40, 300490: 80, 847130: 100, 847150: 200
 * IND exports to RUS           300410: 8, 300490: 2 (none in chapter 84: its report is complete)
 * RUS imports from IND (own)   300410: 9, 300490: 2.2 (c.i.f.)
 * The same sums by chapter are in the trade rows, as normalise makes them.
 */
const Y = '2022';
const worldExports: Record<string, [string, number][]> = {
  IND: [
    ['300410', 30],
    ['300490', 20],
    ['847130', 10],
  ],
  RUS: [
    ['300490', 5],
    ['847130', 40],
    ['847150', 60],
  ],
  FRA: [
    ['300410', 50],
    ['300490', 45],
    ['847150', 90],
  ],
};
const demandLines: [string, number][] = [
  ['300410', 40],
  ['300490', 80],
  ['847130', 100],
  ['847150', 200],
];
const pairExports: [string, number][] = [
  ['300410', 8],
  ['300490', 2],
];
const partnerImports: [string, number][] = [
  ['300410', 9],
  ['300490', 2.2],
];

function line(
  reporter: string,
  partner: string,
  flow: 'export' | 'import',
  product: string,
  valueUsd: number,
): ProductRow {
  const period = parsePeriod(Y);
  if (!period) throw new Error('bad period');
  return {
    period: period.label,
    basis: period.basis,
    year: period.year,
    reporter,
    partner,
    flow,
    product,
    valueUsd,
    quantity: null,
    quantityUnit: null,
    status: 'final',
    sources: [`src-${reporter.toLowerCase()}`],
    refs: [],
  };
}

/** Chapter sums of HS6 lines, and their TOTAL, as trade rows. */
function chapterRows(reporter: string, partner: string, flow: Flow, lines: [string, number][]): TradeRow[] {
  const sums = new Map<string, number>();
  for (const [code, v] of lines) sums.set(code.slice(0, 2), (sums.get(code.slice(0, 2)) ?? 0) + v);
  const total = lines.reduce((s, [, v]) => s + v, 0);
  return [
    ...[...sums].map(([chapter, v]) => row(Y, reporter, partner, flow, chapter, v)),
    row(Y, reporter, partner, flow, 'TOTAL', total),
  ];
}

const sum = (lines: [string, number][], heading: string) =>
  lines.filter(([code]) => code.startsWith(heading)).reduce((s, [, v]) => s + v, 0);

const products = [
  ...Object.entries(worldExports).flatMap(([c, lines]) =>
    lines.map(([code, v]) => line(c, WORLD, 'export', code, v)),
  ),
  ...demandLines.map(([code, v]) => line('RUS', WORLD, 'import', code, v)),
  ...pairExports.map(([code, v]) => line('IND', 'RUS', 'export', code, v)),
  ...partnerImports.map(([code, v]) => line('RUS', 'IND', 'import', code, v)),
];
const trade = [
  ...Object.entries(worldExports).flatMap(([c, lines]) => chapterRows(c, WORLD, 'export', lines)),
  ...chapterRows('RUS', WORLD, 'import', demandLines),
  ...chapterRows('IND', 'RUS', 'export', pairExports),
  ...chapterRows('RUS', 'IND', 'import', partnerImports),
  row(Y, 'IND', 'RUS', 'import', 'TOTAL', 50),
];

describe('export potential by HS4 heading, from a hand-made matrix of HS6 lines', () => {
  const set = compute(trade, { products });
  // Computed here from the formulas: D_h, w_h = X_IND,h / Σ_i X_i,h, P_h = D_h × w_h, U_h = P_h − A_h.
  const D = (h: string) => sum(demandLines, h);
  const X = (c: string, h: string) => sum(worldExports[c] ?? [], h);
  const w = (h: string) => X('IND', h) / (X('IND', h) + X('RUS', h) + X('FRA', h));
  const P = (h: string) => D(h) * w(h);
  const A = (h: string) => sum(pairExports, h);

  it("sums each heading's HS6 lines: the partner's demand and the reporter's world share", () => {
    expect(value(set, 'heading.demand', { heading: '3004', rank: '1' }, Y)).toBe(120);
    expect(value(set, 'heading.demand', { heading: '8471', rank: '2' }, Y)).toBe(300);
    expect(w('3004')).toBeCloseTo(50 / 150, 15);
    expect(value(set, 'heading.worldShare', { heading: '3004', rank: '1' }, Y)).toBeCloseTo(w('3004'), 15);
    expect(value(set, 'heading.worldShare', { heading: '8471', rank: '2' }, Y)).toBeCloseTo(10 / 200, 15);
  });

  it('ranks untapped = D_h × w_h − A_h, largest first, an unlisted heading of a complete report at 0', () => {
    // 3004: 120 / 3 − 10 = 30; 8471: 300 × 0.05 − 0 = 15.
    expect(value(set, 'heading.potential', { heading: '3004', rank: '1' }, Y)).toBeCloseTo(P('3004'), 12);
    expect(value(set, 'heading.untapped', { heading: '3004', rank: '1' }, Y)).toBeCloseTo(
      P('3004') - A('3004'),
      12,
    );
    expect(P('3004') - A('3004')).toBeCloseTo(30, 12);
    const none = one(set, 'heading.exports', { heading: '8471', rank: '2' }, Y);
    expect([none.value, none.sources, none.note]).toEqual([
      0,
      ['src-trade'],
      'not listed among the exports, which leave nothing of its chapter unitemised: none exported',
    ]);
    expect(value(set, 'heading.untapped', { heading: '8471', rank: '2' }, Y)).toBeCloseTo(15, 12);
    const total = one(set, 'heading.untappedTotal', {
      headings: '2',
      ranked: '2',
      positive: '2',
      exporters: '3',
    });
    expect(total.value).toBeCloseTo(P('3004') - A('3004') + P('8471'), 12);
    expect(total.note).toContain('world = the 3 exporters in the inputs, not every exporter');
  });

  it("sets the partner's own report of its imports against the world share: (w_h − m_h) × D_h", () => {
    const m = sum(partnerImports, '3004') / D('3004');
    const dims = { heading: '3004', rank: '1', exporter: 'IND', importer: 'RUS' };
    expect(value(set, 'heading.marketShare', dims, Y)).toBeCloseTo(11.2 / 120, 12);
    expect(value(set, 'heading.shareGap', { heading: '3004', rank: '1' }, Y)).toBeCloseTo(
      (w('3004') - m) * D('3004'),
      12,
    );
    // None exported in 8471: a share of zero, so the gap is the whole potential.
    expect(value(set, 'heading.shareGap', { heading: '8471', rank: '2' }, Y)).toBeCloseTo(P('8471'), 12);
  });

  it('writes the whole ranking to tables/potential_headings.csv', () => {
    const csv = buildTables(set).find((t) => t.file === 'tables/potential_headings.csv')?.csv ?? '';
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe(
      'rank,period,hs4,name,demand_usd,market_share_ratio,world_share_ratio,world_exporters,potential_usd,exports_usd,untapped_usd,share_gap_usd',
    );
    expect(lines[1]?.split(',').slice(0, 3)).toEqual(['1', '2022', '3004']);
    expect(lines[2]?.split(',').slice(0, 3)).toEqual(['2', '2022', '8471']);
    expect(Number(lines[2]?.split(',').at(-2))).toBeCloseTo(15, 12);
  });

  it("takes a bulk file's world sum by heading, with its count of exporters, over the reporters' own", () => {
    const bulk: ProductRow = { ...line(WORLD, WORLD, 'export', '3004', 300), exporters: 180 };
    const withWorld = compute(trade, { products: [...products, bulk] });
    const share = value(withWorld, 'heading.worldShare', { heading: '3004', rank: '1' }, Y);
    expect(share).toBeCloseTo(50 / 300, 15);
    // 8471 has no world sum in the bulk rows: it is left out rather than measured against another world.
    const potentials = withWorld.indicators.filter((i) => i.id === 'heading.potential');
    expect(potentials.map((i) => i.dims?.heading)).toEqual(['3004']);
  });

  it("leaves a heading unranked where the pair's exports leave its chapter partly unitemised", () => {
    // India's exports to Russia: a total of 30 itemised only as chapter 30's 10, so 20 is unitemised (the
    // "Other chapters" line normalise makes) and could hold some 8471.
    const partial = [
      ...trade.filter((r) => !(r.reporter === 'IND' && r.partner === 'RUS' && r.flow === 'export')),
      row(Y, 'IND', 'RUS', 'export', '30', 10),
      row(Y, 'IND', 'RUS', 'export', 'OTHER', 20),
      row(Y, 'IND', 'RUS', 'export', 'TOTAL', 30),
    ];
    const set = compute(partial, { products });
    const ranking = set.headingPotential?.headings ?? [];
    expect(ranking.map((h) => [h.heading, h.rank, h.exports, h.untapped])).toEqual([
      ['3004', 1, 10, P('3004') - 10],
      ['8471', null, null, null],
    ]);
    expect(one(set, 'heading.potential', { heading: '8471' }, Y).value).toBeCloseTo(P('8471'), 12);
  });

  it('says what it needs where the partner imports by heading but no world exports by heading are given', () => {
    const demandOnly = products.filter((r) => r.partner !== WORLD || r.reporter === 'RUS');
    const set = compute(trade, { products: demandOnly });
    const missing = one(set, 'heading.potential', {}, Y);
    expect([missing.status, missing.needs]).toEqual([
      'not_available',
      "needs India's and other exporters' exports to the world by HS4 heading (or HS6) for 2022",
    ]);
    expect(set.headingPotential).toBeUndefined();
    // India's exports alone make no world: its share of them would be 1 in every heading.
    const alone = products.filter((r) => r.partner !== WORLD || r.flow === 'import' || r.reporter === 'IND');
    expect(one(compute(trade, { products: alone }), 'heading.potential', {}, Y).status).toBe('not_available');
  });
});

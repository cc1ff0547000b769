import { describe, expect, it } from 'vitest';
import { chapterShares, complementarity } from '../../src/indicators/complementarity.ts';
import { computeIndicators } from '../../src/indicators/compute.ts';
import { tradeIntensity } from '../../src/indicators/intensity.ts';
import { reportsOf } from '../../src/indicators/reports.ts';
import type { TradeRow } from '../../src/normalise/table.ts';
import { all, compute, fixture, one, pairYear, row, value, WORLD, world2019 } from './fixtures.ts';

const indiaImports = [
  row('2019', 'IND', WORLD, 'import', 'TOTAL', 500),
  row('2019', 'IND', WORLD, 'import', '27', 200),
  row('2019', 'IND', WORLD, 'import', 'OTHER', 300),
  row('2019', 'IND', 'RUS', 'import', 'TOTAL', 25),
  row('2019', 'IND', 'RUS', 'import', '27', 20),
  row('2019', 'IND', 'RUS', 'import', 'OTHER', 5),
];

describe('market share in the importer’s imports', () => {
  const set = compute([...pairYear('FY2024-25', 150, 600), ...world2019, ...indiaImports]);

  it("is the importer's imports from the exporter over its imports from the world", () => {
    // Both reports leave part of the flow unitemised: the totals are taken as they are, and said to be.
    const dims = { exporter: 'RUS', importer: 'IND', basis: 'allCommodities' };
    const total = one(set, 'fit.marketShare', dims, '2019');
    expect(total.value).toBe(25 / 500);
    expect(total.status).toBe('ok');
    expect(total.note).toMatch(/^all commodities/);
    expect(value(set, 'fit.marketShare', { exporter: 'RUS', importer: 'IND', chapter: '27' })).toBe(20 / 200);
  });

  it("falls back on the exporter's report, and says so", () => {
    const mirrored = compute([
      ...pairYear('FY2024-25', 150, 600),
      ...indiaImports.filter((r) => r.partner === WORLD),
      row('2019', 'RUS', 'IND', 'export', 'TOTAL', 24),
    ]);
    const share = one(mirrored, 'fit.marketShare', {
      exporter: 'RUS',
      importer: 'IND',
      basis: 'allCommodities',
    });
    expect(share.value).toBe(24 / 500);
    expect(share.note).toMatch(/^India does not report its imports from Russia/);
  });

  it("is not available without the importer's imports from the world", () => {
    const share = one(set, 'fit.marketShare', { exporter: 'IND', importer: 'RUS' });
    expect(share.status).toBe('not_available');
    expect(share.needs).toBe("needs Russia's imports from the world");
  });
});

describe('trade intensity', () => {
  const set = compute([...pairYear('FY2024-25', 150, 600), ...world2019, ...indiaImports]);

  it('is (x_ij / X_i) / (x_wj / X_w), a lower bound on a world of the reporters present', () => {
    // Russia → India: x_ij = 25 (India's imports from Russia), X_i = 120, x_wj = 500 (India's imports), X_w = 300.
    const expected = 25 / 120 / (500 / 300);
    expect(tradeIntensity(25 / 500, 120 / 300)).toBeCloseTo(expected, 12);
    const intensity = one(set, 'fit.intensity', { exporter: 'RUS', importer: 'IND' }, '2019');
    expect(intensity.value).toBeCloseTo(expected, 12);
    expect(intensity.status).toBe('partial');
    expect(intensity.sources).toEqual(['src-trade', 'src-world']);
  });

  it("is exact where the importer's imports and the world's exports come from one reconciled matrix", () => {
    // Both directions in one year, every line from one BACI file but those `elsewhere` names.
    const matrix = 'BACI_HS17_Y2019_V202401.csv';
    const russiaImports = [
      row('2019', 'RUS', WORLD, 'import', 'TOTAL', 400),
      row('2019', 'RUS', WORLD, 'import', '30', 100),
      row('2019', 'RUS', WORLD, 'import', 'OTHER', 300),
      row('2019', 'RUS', 'IND', 'import', 'TOTAL', 30),
      row('2019', 'RUS', 'IND', 'import', '30', 30),
    ];
    const statuses = (elsewhere: (r: TradeRow) => boolean) => {
      const trade = [...pairYear('FY2024-25', 150, 600), ...world2019, ...indiaImports, ...russiaImports].map(
        (r, i) => ({ ...r, refs: [elsewhere(r) ? `other.csv:${i + 2}` : `${matrix}:${i + 2}`] }),
      );
      const n = fixture(trade);
      n.files = [
        { file: matrix, format: 'baci' },
        { file: 'other.csv', format: 'comtrade-plus' },
      ] as unknown as typeof n.files;
      const set = computeIndicators(n, n.config);
      return ['IND', 'RUS'].map(
        (importer) =>
          one(set, 'fit.intensity', { exporter: importer === 'IND' ? 'RUS' : 'IND', importer }, '2019')
            .status,
      );
    };
    expect(statuses(() => false)).toEqual(['ok', 'ok']);
    // The importer's own imports from the world from elsewhere: a lower bound for that importer alone.
    expect(statuses((r) => r.reporter === 'RUS' && r.flow === 'import' && r.partner === WORLD)).toEqual([
      'ok',
      'partial',
    ]);
    expect(statuses((r) => r.reporter === 'IND' && r.flow === 'import' && r.product === '27')).toEqual([
      'partial',
      'ok',
    ]);
    // One exporter's line of the world's exports from elsewhere: a lower bound both ways.
    expect(statuses((r) => r.reporter === 'FRA' && r.product === '87')).toEqual(['partial', 'partial']);
  });

  it("is not available where the importer's imports from the world are missing", () => {
    const intensity = one(set, 'fit.intensity', { exporter: 'IND', importer: 'RUS' });
    expect([intensity.status, intensity.needs]).toEqual([
      'not_available',
      "needs Russia's imports from the world",
    ]);
  });

  it("is not available where the exporter's world share is of another year", () => {
    const other = compute([
      ...pairYear('FY2024-25', 150, 600),
      ...world2019,
      ...indiaImports.map((r) => ({ ...r, period: '2018', year: 2018 })),
    ]);
    expect(one(other, 'fit.intensity', { exporter: 'RUS', importer: 'IND' }).needs).toBe(
      "needs Russia's exports to the world by HS chapter for 2018",
    );
  });
});

describe('trade complementarity (Michaely)', () => {
  const russiaImports = [
    row('2019', 'RUS', WORLD, 'import', '30', 30),
    row('2019', 'RUS', WORLD, 'import', '84', 50),
    row('2019', 'RUS', WORLD, 'import', '87', 20),
  ];

  it('is 100 · (1 − Σ|m_k − x_k| / 2) over chapter shares', () => {
    const x = new Map([
      ['30', 0.5],
      ['84', 0.25],
      ['03', 0.25],
    ]);
    const m = new Map([
      ['30', 0.3],
      ['84', 0.5],
      ['87', 0.2],
    ]);
    const expected = 100 * (1 - (Math.abs(0.3 - 0.5) + Math.abs(0.5 - 0.25) + 0.25 + 0.2) / 2);
    expect(complementarity(x, m)).toBeCloseTo(expected, 12);
    expect(complementarity(x, x)).toBeCloseTo(100, 12);
  });

  it("matches the reporter's exports to the world with the partner's imports from it", () => {
    const set = compute([...pairYear('FY2024-25', 150, 600), ...world2019, ...russiaImports]);
    const index = one(set, 'fit.complementarity', { exporter: 'IND', importer: 'RUS' }, '2019');
    // India exports 30: 20/40, 84: 10/40, 03: 10/40; Russia imports 30: 30/100, 84: 50/100, 87: 20/100.
    expect(index.value).toBeCloseTo(100 * (1 - (0.2 + 0.25 + 0.25 + 0.2) / 2), 12);
    expect(index.unit).toBe('index');
    const back = one(set, 'fit.complementarity', { exporter: 'RUS', importer: 'IND' });
    expect(back.needs).toBe("needs India's imports from the world by HS chapter");
  });

  it('needs both sides for the same year', () => {
    const set = compute([
      ...pairYear('FY2024-25', 150, 600),
      ...world2019,
      ...russiaImports.map((r) => ({ ...r, period: '2018', year: 2018 })),
    ]);
    expect(one(set, 'fit.complementarity', { exporter: 'IND', importer: 'RUS' }).needs).toBe(
      "needs India's exports to and Russia's imports from the world, fully itemised by HS chapter, for the same year",
    );
  });

  it('takes shares of the whole report, the unitemised rest included', () => {
    const [report] = reportsOf(fixture(indiaImports), { reporter: 'IND', partner: WORLD, flow: 'import' });
    expect(report && chapterShares(report).get('27')).toBe(200 / 500);
  });
});

describe('non-product chapters (HS 77, 98, 99) in the fit indicators', () => {
  // world2019 with Russia exporting 30 of chapter 99 besides its 120 of products.
  const world = [
    ...world2019.filter((r) => !(r.reporter === 'RUS' && r.product === 'TOTAL')),
    row('2019', 'RUS', WORLD, 'export', '99', 30, { sources: ['src-world'] }),
    row('2019', 'RUS', WORLD, 'export', 'TOTAL', 150, { sources: ['src-world'] }),
  ];
  // Russia's imports, itemised in full: 30: 50, 84: 110, 99: 40; from India 30: 15, 84: 5, 99: 5.
  const itemised = [
    row('2019', 'RUS', WORLD, 'import', 'TOTAL', 200),
    row('2019', 'RUS', WORLD, 'import', '30', 50),
    row('2019', 'RUS', WORLD, 'import', '84', 110),
    row('2019', 'RUS', WORLD, 'import', '99', 40),
    row('2019', 'RUS', 'IND', 'import', 'TOTAL', 25),
    row('2019', 'RUS', 'IND', 'import', '30', 15),
    row('2019', 'RUS', 'IND', 'import', '84', 5),
    row('2019', 'RUS', 'IND', 'import', '99', 5),
  ];
  const set = compute([...pairYear('FY2024-25', 150, 600), ...world, ...itemised]);

  it('leaves them out of both totals of a market share where both reports are itemised in full', () => {
    const share = one(set, 'fit.marketShare', { exporter: 'IND', importer: 'RUS' }, '2019');
    // (25 − 5) / (200 − 40), not 25 / 200.
    expect(share.value).toBeCloseTo(20 / 160, 12);
    expect(share.note).toBeUndefined();
    expect(value(set, 'fit.marketShare', { exporter: 'IND', importer: 'RUS', chapter: '30' })).toBe(15 / 50);
    expect(all(set, 'fit.marketShare', { exporter: 'IND', importer: 'RUS', chapter: '99' })).toEqual([]);
  });

  it('sets that share against a world share without them: one basis in the intensity', () => {
    // India's world share over products: 40 / (40 + 120 + 140); Russia's 30 of chapter 99 is out.
    const intensity = one(set, 'fit.intensity', { exporter: 'IND', importer: 'RUS' }, '2019');
    expect(intensity.value).toBeCloseTo(20 / 160 / (40 / 300), 12);
    expect(intensity.status).toBe('partial');
    expect(intensity.note).toContain('at least');
  });

  it('leaves them out of both sides of the complementarity index', () => {
    // India's exports 30: 20/40, 84: 10/40, 03: 10/40; Russia's imports 30: 50/160, 84: 110/160.
    const gap = Math.abs(50 / 160 - 20 / 40) + Math.abs(110 / 160 - 10 / 40) + 10 / 40;
    const index = one(set, 'fit.complementarity', { exporter: 'IND', importer: 'RUS' }, '2019');
    expect(index.value).toBeCloseTo(100 * (1 - gap / 2), 12);
  });

  it('keeps them on both sides, and says so, where a report is not itemised in full', () => {
    const totals = compute([
      ...pairYear('FY2024-25', 150, 600),
      ...world,
      row('2019', 'RUS', WORLD, 'import', 'TOTAL', 200),
      row('2019', 'RUS', WORLD, 'import', '30', 50),
      row('2019', 'RUS', WORLD, 'import', 'OTHER', 150),
      row('2019', 'RUS', 'IND', 'import', 'TOTAL', 25),
    ]);
    const share = one(totals, 'fit.marketShare', {
      exporter: 'IND',
      importer: 'RUS',
      basis: 'allCommodities',
    });
    expect(share.value).toBe(25 / 200);
    expect(share.note).toMatch(/^all commodities/);
    // India's share of the world's exports with Russia's chapter 99 counted: 40 / (40 + 150 + 140).
    expect(value(totals, 'specialisation.worldShareAllCommodities', { reporter: 'IND' }, '2019')).toBe(
      40 / 330,
    );
    const intensity = one(totals, 'fit.intensity', { exporter: 'IND', importer: 'RUS' }, '2019');
    expect(intensity.value).toBeCloseTo(25 / 200 / (40 / 330), 12);
    expect(intensity.note).toContain('the world share is of all commodities too');
  });

  it('neither mirrors nor bounds the flows of one reconciled matrix (BACI)', () => {
    // The same flows read from one BACI file: India's exports to Russia are Russia's imports from India.
    const baci = (r: TradeRow, i: number) => ({ ...r, refs: [`BACI_HS17_Y2019_V202401.csv:${i + 2}`] });
    const matrix = [
      ...world,
      ...itemised.filter((r) => r.partner === WORLD),
      row('2019', 'IND', 'RUS', 'export', 'TOTAL', 25),
      row('2019', 'IND', 'RUS', 'export', '30', 15),
      row('2019', 'IND', 'RUS', 'export', '84', 5),
      row('2019', 'IND', 'RUS', 'export', '99', 5),
    ].map(baci);
    const n = fixture([...pairYear('FY2024-25', 150, 600), ...matrix]);
    n.files = [
      {
        file: 'BACI_HS17_Y2019_V202401.csv',
        format: 'baci',
        sha256: '',
        rows: matrix.length,
        used: matrix.length,
        rejected: {},
        rejectedColumns: {},
        records: matrix.length,
        classifications: [],
      },
    ];
    const fromMatrix = computeIndicators(n, n.config);
    const share = one(fromMatrix, 'fit.marketShare', { exporter: 'IND', importer: 'RUS' }, '2019');
    expect([share.value, share.note]).toEqual([20 / 160, undefined]);
    const intensity = one(fromMatrix, 'fit.intensity', { exporter: 'IND', importer: 'RUS' }, '2019');
    expect(intensity.value).toBeCloseTo(20 / 160 / (40 / 300), 12);
    expect(intensity.status).toBe('ok');
    expect(intensity.note).not.toContain('at least');
  });
});

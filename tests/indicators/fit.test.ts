import { describe, expect, it } from 'vitest';
import { chapterShares, complementarity } from '../../src/indicators/complementarity.ts';
import { tradeIntensity } from '../../src/indicators/intensity.ts';
import { reportsOf } from '../../src/indicators/reports.ts';
import { compute, fixture, one, pairYear, row, value, WORLD, world2019 } from './fixtures.ts';

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
    const total = one(set, 'fit.marketShare', { exporter: 'RUS', importer: 'IND' }, '2019');
    expect(total.value).toBe(25 / 500);
    expect([total.status, total.note]).toEqual(['ok', undefined]);
    expect(value(set, 'fit.marketShare', { exporter: 'RUS', importer: 'IND', chapter: '27' })).toBe(20 / 200);
  });

  it("falls back on the exporter's report, and says so", () => {
    const mirrored = compute([
      ...pairYear('FY2024-25', 150, 600),
      ...indiaImports.filter((r) => r.partner === WORLD),
      row('2019', 'RUS', 'IND', 'export', 'TOTAL', 24),
    ]);
    const share = one(mirrored, 'fit.marketShare', { exporter: 'RUS', importer: 'IND' });
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

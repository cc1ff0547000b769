import { describe, expect, it } from 'vitest';
import { marketShareGap } from '../../src/indicators/matrixPotential.ts';
import { all, compute, demand, one, row, value, WORLD } from './fixtures.ts';

/**
 * A hand-made 2022 matrix of three countries and three chapters, plus chapter 99 (not a product):
 * exports to the world  IND 30: 50, 84: 30, 27: 20 (99: 25)   RUS 27: 300, 84: 40, 30: 10   FRA 30: 150, 84: 230, 27: 20
 * world by chapter      30: 210, 84: 300, 27: 340; total 850 (99 left out)
 * RUS imports from the world   30: 120, 84: 400, 27: 15 (99: 60)
 * IND exports to RUS           30: 20, 27: 5 (84 none: the report is complete)
 * RUS imports from IND (own)   30: 22, 27: 5.5 (c.i.f., above IND's f.o.b. exports)
 */
const Y = '2022';
const world = (reporter: string, chapters: [string, number][]) => [
  ...chapters.map(([c, v]) => row(Y, reporter, WORLD, 'export', c, v, { sources: ['src-world'] })),
  row(
    Y,
    reporter,
    WORLD,
    'export',
    'TOTAL',
    chapters.reduce((s, [, v]) => s + v, 0),
    { sources: ['src-world'] },
  ),
];
const worldExports = [
  ...world('IND', [
    ['30', 50],
    ['84', 30],
    ['27', 20],
    ['99', 25],
  ]),
  ...world('RUS', [
    ['27', 300],
    ['84', 40],
    ['30', 10],
  ]),
  ...world('FRA', [
    ['30', 150],
    ['84', 230],
    ['27', 20],
  ]),
];
const partnerImports = [
  row(Y, 'RUS', WORLD, 'import', 'TOTAL', 595, { sources: ['src-imports'] }),
  row(Y, 'RUS', WORLD, 'import', '30', 120, { sources: ['src-imports'] }),
  row(Y, 'RUS', WORLD, 'import', '84', 400, { sources: ['src-imports'] }),
  row(Y, 'RUS', WORLD, 'import', '27', 15, { sources: ['src-imports'] }),
  row(Y, 'RUS', WORLD, 'import', '99', 60, { sources: ['src-imports'] }),
];
const pair = [
  row(Y, 'IND', 'RUS', 'export', 'TOTAL', 25),
  row(Y, 'IND', 'RUS', 'export', '30', 20),
  row(Y, 'IND', 'RUS', 'export', '27', 5),
  row(Y, 'IND', 'RUS', 'import', 'TOTAL', 100),
  row(Y, 'IND', 'RUS', 'import', '27', 100),
  row(Y, 'RUS', 'IND', 'import', 'TOTAL', 27.5, { sources: ['src-imports'] }),
  row(Y, 'RUS', 'IND', 'import', '30', 22, { sources: ['src-imports'] }),
  row(Y, 'RUS', 'IND', 'import', '27', 5.5, { sources: ['src-imports'] }),
];

describe('export potential from full matrices', () => {
  const set = compute([...worldExports, ...partnerImports, ...pair], {
    figures: [demand('pharma', 90)],
  });
  const W = 100 / 850;

  it("takes the partner's import demand by chapter from its imports from the world, non-products left out", () => {
    expect(value(set, 'matrix.demand', { chapter: '30' }, Y)).toBe(120);
    expect(value(set, 'matrix.demand', { chapter: '84' }, Y)).toBe(400);
    expect(value(set, 'matrix.demand', { chapter: '27' }, Y)).toBe(15);
    expect(all(set, 'matrix.demand', { chapter: '99' })).toEqual([]);
    // Sectors: machinery is 84–85; 85 is not in a complete report, so none.
    expect(value(set, 'matrix.demand', { sector: 'machines' }, Y)).toBe(400 + 0);
    expect(one(set, 'matrix.demand', { sector: 'pharma' }).sources).toEqual(['src-imports']);
  });

  it("measures the reporter's world share by chapter over the product chapters of every reporter", () => {
    expect(value(set, 'specialisation.worldShare', { reporter: 'IND' }, Y)).toBeCloseTo(W, 12);
    expect(value(set, 'specialisation.chapterWorldShare', { reporter: 'IND', chapter: '30' }, Y)).toBeCloseTo(
      50 / (50 + 10 + 150),
      12,
    );
    expect(value(set, 'specialisation.chapterWorldShare', { reporter: 'IND', chapter: '84' }, Y)).toBeCloseTo(
      30 / (30 + 40 + 230),
      12,
    );
    expect(all(set, 'specialisation.chapterWorldShare', { reporter: 'IND', chapter: '99' })).toEqual([]);
  });

  it('computes potential = D_k × w_k and untapped = potential − exports, ranked from the largest', () => {
    const potential30 = 120 * (50 / 210);
    expect(value(set, 'matrix.potential', { chapter: '30' }, Y)).toBeCloseTo(potential30, 12);
    expect(value(set, 'matrix.potential', { chapter: '84' }, Y)).toBeCloseTo(400 * (30 / 300), 12);
    expect(value(set, 'matrix.potential', { chapter: '27' }, Y)).toBeCloseTo(15 * (20 / 340), 12);
    expect(value(set, 'matrix.exports', { chapter: '84' }, Y)).toBe(0);
    // 84: 40 − 0; 30: 28.57 − 20; 27: 0.88 − 5, below zero.
    expect(value(set, 'matrix.untapped', { chapter: '84', rank: '1' }, Y)).toBeCloseTo(40, 12);
    expect(value(set, 'matrix.untapped', { chapter: '30', rank: '2' }, Y)).toBeCloseTo(potential30 - 20, 12);
    const fuels = one(set, 'matrix.untapped', { chapter: '27', rank: '3' }, Y);
    expect(fuels.value).toBeCloseTo(15 * (20 / 340) - 5, 12);
    expect(fuels.note).toMatch(/exports already exceed the potential$/);
    expect(one(set, 'matrix.untapped', { chapter: '30', rank: '2' }).sources).toEqual([
      'src-imports',
      'src-trade',
      'src-world',
    ]);
  });

  it("sets the reporter's share of the partner's imports against its world share: (w_k − m_k) × D_k", () => {
    expect(marketShareGap(120, 0.25, 0.1)).toBeCloseTo(18, 12);
    // m_30 from Russia's own report of its imports from India (22 c.i.f.), not India's 20 f.o.b.
    const m30 = value(set, 'fit.marketShare', { exporter: 'IND', importer: 'RUS', chapter: '30' }, Y);
    expect(m30).toBeCloseTo(22 / 120, 12);
    expect(value(set, 'matrix.shareGap', { chapter: '30' }, Y)).toBeCloseTo((50 / 210 - 22 / 120) * 120, 12);
    // None exported in 84: a market share of zero, so the gap is the whole potential.
    const m84 = one(set, 'fit.marketShare', { exporter: 'IND', importer: 'RUS', chapter: '84' }, Y);
    expect([m84.value, m84.note]).toEqual([
      0,
      'none exported in the chapter, so none of the importer’s imports',
    ]);
    expect(value(set, 'matrix.shareGap', { chapter: '84' }, Y)).toBeCloseTo(0.1 * 400, 12);
  });

  it('sums to sectors: demand × sector world share, with published demand kept beside, not replaced', () => {
    expect(value(set, 'matrix.potential', { sector: 'machines' }, Y)).toBeCloseTo(400 * (30 / 300), 12);
    expect(value(set, 'matrix.potential', { sector: 'pharma' }, Y)).toBeCloseTo(120 * (50 / 210), 12);
    expect(value(set, 'opportunity.demand', { sector: 'pharma', confidence: 'medium' })).toBe(90);
    // The published-demand potential is still 90 × w_30, a second opinion.
    expect(value(set, 'potential.exports', { sector: 'pharma' })).toBeCloseTo(90 * (50 / 210), 12);
  });

  it("says what computed values need where the partner's imports from the world are missing", () => {
    const noDemand = compute([...worldExports, ...pair]);
    expect(all(noDemand, 'matrix.potential')).toEqual([]);
    const missing = one(noDemand, 'matrix.demand');
    expect([missing.status, missing.needs]).toEqual([
      'not_available',
      "needs Russia's imports from the world by HS chapter",
    ]);
    // India's exports to Russia by chapter only for a fiscal year: potentials, but nothing to set them against.
    const fiscal = compute([
      ...worldExports,
      ...partnerImports,
      row('FY2022-23', 'IND', 'RUS', 'export', 'TOTAL', 25),
      row('FY2022-23', 'IND', 'RUS', 'export', '30', 25),
    ]);
    expect(value(fiscal, 'matrix.potential', { chapter: '30' }, Y)).toBeCloseTo(120 * (50 / 210), 12);
    expect(one(fiscal, 'matrix.untapped').needs).toBe('needs exports to Russia by HS chapter for 2022');
    const noWorld = compute([...partnerImports, ...pair]);
    expect(value(noWorld, 'matrix.demand', { chapter: '30' }, Y)).toBe(120);
    expect(one(noWorld, 'matrix.potential').needs).toBe("needs India's exports to the world by HS chapter");
  });
});

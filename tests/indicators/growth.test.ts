import { describe, expect, it } from 'vitest';
import { cagrEndpoint, cagrTrend, projectPath, requiredCagr, yoy } from '../../src/indicators/growth.ts';
import { all, compute, one, pairYear, value } from './fixtures.ts';

describe('growth rates', () => {
  it('yoy is V_t / V_(t−1) − 1, undefined after a zero', () => {
    expect(yoy(110, 100)).toBeCloseTo(0.1, 12);
    expect(yoy(5, 0)).toBeNull();
  });

  it('endpoint CAGR uses the end points only', () => {
    expect(cagrEndpoint(100, 121, 2)).toBeCloseTo(Math.sqrt(121 / 100) - 1, 12);
    expect(cagrEndpoint(100, 121, 0)).toBeNull();
    expect(cagrEndpoint(0, 121, 2)).toBeNull();
  });

  it('log-linear CAGR is exp of the OLS slope of ln V on t', () => {
    const points = [
      { t: 2020, value: 100 },
      { t: 2021, value: 130 },
      { t: 2022, value: 121 },
    ];
    // slope = Σ(t − t̄)(y − ȳ) / Σ(t − t̄)², t̄ = 2021: the middle point drops out of the numerator.
    const slope = (-1 * Math.log(100) + 1 * Math.log(121)) / 2;
    expect(cagrTrend(points)).toBeCloseTo(Math.exp(slope) - 1, 12);
    // Exact geometric growth: both variants agree.
    const geometric = [0, 1, 2, 3].map((k) => ({ t: 2020 + k, value: 50 * 1.2 ** k }));
    expect(cagrTrend(geometric)).toBeCloseTo(0.2, 12);
    expect(cagrTrend([{ t: 2020, value: 100 }])).toBeNull();
  });

  it('required CAGR solves the endpoint formula for the target; the path ends on it', () => {
    const needed = requiredCagr(50, 100, 4);
    expect(needed).toBeCloseTo(2 ** (1 / 4) - 1, 12);
    const path = projectPath(50, needed ?? 0, 4);
    expect(path).toHaveLength(4);
    expect(path[0]).toBeCloseTo(50 * 2 ** (1 / 4), 9);
    expect(path[3]).toBeCloseTo(100, 9);
  });
});

describe('growth indicators of the pair', () => {
  const set = compute([
    ...pairYear('FY2021-22', 100, 300),
    ...pairYear('FY2022-23', 110, 330),
    ...pairYear('FY2023-24', 99, 420),
    ...pairYear('FY2025-26', 150, 500),
  ]);

  it('gives the change on the year only between consecutive years', () => {
    expect(value(set, 'growth.total.yoy', { measure: 'total', from: 'FY2021-22' }, 'FY2022-23')).toBeCloseTo(
      (110 + 330) / (100 + 300) - 1,
      12,
    );
    expect(
      value(set, 'growth.exports.yoy', { measure: 'exports', from: 'FY2022-23' }, 'FY2023-24'),
    ).toBeCloseTo(99 / 110 - 1, 12);
    // FY2024-25 is missing: no change on the year for FY2025-26.
    expect(all(set, 'growth.total.yoy', { measure: 'total', from: 'FY2023-24' })).toHaveLength(0);
  });

  it('labels both CAGRs and counts the years between the end points', () => {
    const dims = { measure: 'total', from: 'FY2021-22', to: 'FY2025-26' };
    const endpoint = one(set, 'growth.total.cagr', dims);
    expect(endpoint.value).toBeCloseTo(((150 + 500) / (100 + 300)) ** (1 / 4) - 1, 12);
    expect(endpoint.formula).toBe('cagr');
    const ys = [400, 440, 519, 650].map(Math.log);
    const ts = [2021, 2022, 2023, 2025];
    const tMean = ts.reduce((a, b) => a + b) / 4;
    const yMean = ys.reduce((a, b) => a + b) / 4;
    const slope =
      ts.reduce((s, t, i) => s + (t - tMean) * ((ys[i] ?? 0) - yMean), 0) /
      ts.reduce((s, t) => s + (t - tMean) ** 2, 0);
    const trend = one(set, 'growth.total.trend', dims);
    expect(trend.value).toBeCloseTo(Math.exp(slope) - 1, 12);
    expect(trend.formula).toBe('cagrTrend');
  });

  it('gives no growth rate for a single year', () => {
    const single = compute(pairYear('FY2024-25', 150, 600));
    expect(single.indicators.filter((i) => i.id.startsWith('growth.'))).toHaveLength(0);
  });
});

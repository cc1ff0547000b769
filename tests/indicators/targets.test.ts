import { describe, expect, it } from 'vitest';
import { compute, one, pairYear, target, value } from './fixtures.ts';

describe('targets', () => {
  const set = compute(
    [
      ...pairYear('FY2021-22', 20, 60),
      ...pairYear('FY2022-23', 40, 80),
      ...pairYear('FY2023-24', 100, 200),
      ...pairYear('FY2024-25', 100, 400),
    ],
    { figures: [target(2030, 1000), target(2022, 100), target(2023, 10_000), target(2024, 250)] },
  );

  const paths = (path: string) =>
    set.indicators.filter((i) => i.id === 'target.path' && i.dims?.path === path);

  it('gives the growth needed from the latest year; a fiscal series reaches year Y in the year ending in Y', () => {
    // FY2024-25 total 500 → 1000 by FY2029-30: 5 years.
    const needed = one(set, 'target.requiredCagr', { targetYear: '2030' });
    expect(needed.value).toBeCloseTo((1000 / 500) ** (1 / 5) - 1, 12);
    expect(needed.period).toBe('FY2024-25–FY2029-30');
  });

  it('draws the required path to the target and the path at the growth achieved since the level shift', () => {
    const required = paths('required');
    expect(required.map((p) => p.period)).toEqual([
      'FY2025-26',
      'FY2026-27',
      'FY2027-28',
      'FY2028-29',
      'FY2029-30',
    ]);
    expect(required[4]?.value).toBeCloseTo(1000, 9);
    // FY2023-24 more than doubles FY2022-23 (300 against 120): a level shift. The path "at the growth
    // achieved" uses the growth since it, FY2023-24 to FY2024-25, not the whole series' 80 → 500.
    const achieved = paths('achieved');
    const cagr = 500 / 300 - 1;
    expect(achieved[0]?.value).toBeCloseTo(500 * (1 + cagr), 9);
    expect(achieved[4]?.value).toBeCloseTo(500 * (1 + cagr) ** 5, 9);
  });

  it('says when a past target was reached by its deadline, or that it was not', () => {
    // 250 by 2024 (FY2023-24): FY2023-24 total 300 reaches it.
    const reached = one(set, 'target.reached', { targetYear: '2024' });
    expect([reached.value, reached.period]).toEqual([1, 'FY2023-24']);
    // 100 by 2022 (FY2021-22, total 80): reached only in FY2022-23, after the deadline, so not reached.
    const late = one(set, 'target.reached', { targetYear: '2022' });
    expect([late.value, late.period]).toEqual([0, 'FY2021-22']);
    const missed = one(set, 'target.reached', { targetYear: '2023' });
    expect([missed.value, missed.period]).toEqual([0, 'FY2022-23']);
    expect(value(set, 'target.value', { targetYear: '2030' })).toBe(1000);
  });
});

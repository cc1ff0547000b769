import { describe, expect, it } from 'vitest';
import { balance, coverageRatio, share } from '../../src/indicators/bilateral.ts';
import { compute, one, pairYear, row, value } from './fixtures.ts';

describe('balance, coverage and share', () => {
  it('computes X − M, X / M and a part of a whole', () => {
    expect(balance(150, 600)).toBe(150 - 600);
    expect(coverageRatio(150, 600)).toBe(150 / 600);
    expect(share(30, 120)).toBe(30 / 120);
  });

  it('leaves coverage and shares undefined when the denominator is zero', () => {
    expect(coverageRatio(150, 0)).toBeNull();
    expect(share(5, 0)).toBeNull();
  });
});

describe('trade indicators of the pair', () => {
  const set = compute([...pairYear('FY2023-24', 120, 500), ...pairYear('FY2024-25', 150, 600)]);

  it('gives exports, imports, total, balance and coverage per year', () => {
    expect(value(set, 'trade.exports', {}, 'FY2024-25')).toBe(150);
    expect(value(set, 'trade.imports', {}, 'FY2024-25')).toBe(600);
    expect(value(set, 'trade.total', {}, 'FY2024-25')).toBe(150 + 600);
    expect(value(set, 'trade.balance', {}, 'FY2024-25')).toBe(150 - 600);
    expect(value(set, 'trade.coverage', {}, 'FY2024-25')).toBe(150 / 600);
    expect(one(set, 'trade.balance', {}, 'FY2024-25').sources).toEqual(['src-trade']);
  });

  it('marks coverage not available when nothing is imported', () => {
    const zero = compute(pairYear('FY2024-25', 150, 0));
    expect(value(zero, 'trade.balance', {}, 'FY2024-25')).toBe(150);
    const coverage = one(zero, 'trade.coverage', {}, 'FY2024-25');
    expect(coverage.status).toBe('not_available');
    expect(coverage.needs).toBe('needs imports above zero');
  });

  it('with one direction only, gives that flow and marks total, balance and coverage not available', () => {
    const exportsOnly = compute(pairYear('FY2024-25', 150, 600).slice(0, 1));
    expect(value(exportsOnly, 'trade.exports', {}, 'FY2024-25')).toBe(150);
    for (const id of ['trade.total', 'trade.balance', 'trade.coverage']) {
      const indicator = one(exportsOnly, id, {}, 'FY2024-25');
      expect(indicator.status).toBe('not_available');
      expect(indicator.needs).toBe('needs imports from the partner');
    }
  });

  it("gives the partner's share of the reporter's trade where both come with world totals", () => {
    const withWorld = compute([
      ...pairYear('2019', 3, 6),
      row('2019', 'IND', 'WLD', 'export', 'TOTAL', 300),
      row('2019', 'IND', 'WLD', 'import', 'TOTAL', 500),
    ]);
    expect(value(withWorld, 'trade.partnerShareOfReporterTrade', {}, '2019')).toBe((3 + 6) / (300 + 500));
  });
});

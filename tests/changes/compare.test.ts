import { describe, expect, it } from 'vitest';
import { compareEditions } from '../../src/changes/compare.ts';
import type { Indicator, IndicatorSet } from '../../src/indicators/types.ts';

function set(indicators: Partial<Indicator>[]): IndicatorSet {
  const full = indicators.map((i) => ({
    label: i.id ?? '',
    unit: 'USD',
    formula: 'reported',
    sources: ['s'],
    status: 'ok',
    ...i,
  }));
  return { indicators: full } as unknown as IndicatorSet;
}

const edition = { id: 'e1', vintage: 'FY2024-25', dir: 'archive/x' };

describe('changes since the last edition', () => {
  it('are empty for a first edition', () => {
    expect(compareEditions(undefined, set([]), undefined).previous).toBeNull();
  });

  it('give relative changes against the size of the old value, and ratios in points', () => {
    const before = set([
      { id: 'trade.balance', period: 'FY2025-26', value: -100 },
      { id: 'trade.exports', period: 'FY2025-26', value: 4_493.51 },
      { id: 'trade.coverage', period: 'FY2025-26', value: 0.081, unit: 'ratio' },
      { id: 'trade.total', period: 'FY2024-25', value: 10, provisional: true },
      { id: 'target.path', period: 'FY2026-27', value: 1 },
    ]);
    const after = set([
      { id: 'trade.balance', period: 'FY2025-26', value: -150 },
      { id: 'trade.exports', period: 'FY2025-26', value: 4_600 },
      { id: 'trade.coverage', period: 'FY2025-26', value: 0.086, unit: 'ratio' },
      { id: 'trade.total', period: 'FY2024-25', value: 10 },
      { id: 'trade.total', period: 'FY2025-26', value: 12 },
      { id: 'target.path', period: 'FY2026-27', value: 2 },
    ]);
    const changes = compareEditions(before, after, edition);
    const by = (id: string) => changes.revised.find((r) => r.id === id);
    // A deficit going from −100 to −150 is a change of −50 / |−100| = −50 %, not +50 %.
    expect(by('trade.balance')).toMatchObject({
      before: -100,
      after: -150,
      change: -0.5,
      changeIn: 'relative',
    });
    expect(by('trade.exports')?.change).toBeCloseTo((4_600 - 4_493.51) / 4_493.51, 12);
    expect(by('trade.coverage')?.change).toBeCloseTo((0.086 - 0.081) * 100, 12);
    expect(by('trade.coverage')?.changeIn).toBe('points');
    // Reported figures are listed before derived ones; derived paths are not listed at all.
    expect(changes.revised[0]?.id).toBe('trade.exports');
    expect(by('target.path')).toBeUndefined();
    expect(changes.newPeriods).toEqual(['FY2025-26']);
    expect(changes.nowFinal).toEqual(['FY2024-25']);
  });
});

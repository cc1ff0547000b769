import { describe, expect, it } from 'vitest';
import { closest } from '../../src/core/closest.ts';
import { formatChange, formatNumber, formatPercent, formatUsd } from '../../src/core/format.ts';

describe('formats', () => {
  it('writes USD in the unit a reader expects, with a true minus sign', () => {
    expect(formatUsd(68_692.74e6)).toBe('USD 68.7 bn');
    expect(formatUsd(4_881.3e6)).toBe('USD 4,881 m');
    expect(formatUsd(90e6)).toBe('USD 90.0 m');
    expect(formatUsd(-58_930.14e6)).toBe('USD \u221258.9 bn');
    expect(formatUsd(100e9, 'bn')).toBe('USD 100 bn');
    expect(formatUsd(63_811.44e6, 'm')).toBe('USD 63,811 m');
  });
  it('writes ratios as percentages and changes with their sign', () => {
    expect(formatPercent(4_881.3 / 63_811.44)).toBe('7.6 %');
    expect(formatChange(59_863.13 / 68_692.74 - 1)).toBe('\u221212.9 %');
    expect(formatChange(0.176)).toBe('+17.6 %');
    expect(formatChange(0.00001)).toBe('0.0 %');
    expect(formatNumber(-0.0001)).toBe('0');
  });
});

describe('closest', () => {
  it('suggests a likely misspelling and nothing for an unrelated word', () => {
    expect(closest('reportr', ['reporter', 'partner'])).toBe('reporter');
    expect(closest('sectros', ['sectors', 'scenarios'])).toBe('sectors');
    expect(closest('zzzzzz', ['reporter', 'partner'])).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { article } from '../../src/briefing/facts.ts';
import { closest } from '../../src/core/closest.ts';
import {
  amountIn,
  formatAmount,
  formatBarLabel,
  formatChange,
  formatNumber,
  formatPercent,
  formatShare,
  formatUsd,
  unitFor,
} from '../../src/core/format.ts';

describe('formats', () => {
  it('writes USD in the unit a reader expects, with a true minus sign', () => {
    expect(formatUsd(68_692.74e6)).toBe('USD 68.7 bn');
    expect(formatUsd(4_881.3e6)).toBe('USD 4,881 m');
    expect(formatUsd(90e6)).toBe('USD 90.0 m');
    expect(formatUsd(-58_930.14e6)).toBe('USD \u221258.9 bn');
    expect(formatUsd(100e9, 'bn')).toBe('USD 100 bn');
    expect(formatUsd(63_811.44e6, 'm')).toBe('USD 63,811 m');
    // Under a million, thousands: 504,347 USD is 504.347 thousand, 86,954 USD 86.954 thousand.
    expect(formatUsd(504_347)).toBe('USD 504 thousand');
    expect(formatUsd(86_954)).toBe('USD 87.0 thousand');
    expect(formatUsd(42)).toBe('USD 42');
    // Asked for a unit the amount is below, the next smaller one, down to thousands.
    expect(formatUsd(471.34e6, 'bn')).toBe('USD 471 m');
    expect(formatUsd(137_171, 'bn')).toBe('USD 137 thousand');
    expect(formatUsd(43_270, 'm')).toBe('USD 43.3 thousand');
    expect(formatUsd(420, 'm')).toBe('USD 0.4 thousand');
  });
  it('chooses one unit for a table or chart from its largest amount', () => {
    // The default's balance table: whole millions, never billions in a table.
    expect(unitFor([4_881.3e6, 63_811.44e6, -58_930.14e6])).toBe('m');
    // A chart of the same figures in billions, from USD 5 bn.
    expect(unitFor([4_881.3e6, 63_811.44e6, -58_930.14e6], 'bn')).toBe('bn');
    expect(unitFor([4_999e6], 'bn')).toBe('m');
    // A small pair: the largest under USD 10 m, so thousands; the sign does not matter.
    expect(unitFor([213_456, -9_999_000], 'bn')).toBe('thousand');
    expect(unitFor([10e6, 20_000])).toBe('m');
    // Nothing to show: millions, the unit of the sources.
    expect(unitFor([])).toBe('m');
    expect(unitFor([0, 0])).toBe('m');
    expect(amountIn(213_456, 'thousand')).toBe(213.456);
    expect(amountIn(68_692.74e6, 'bn')).toBe(68.693);
    expect(formatBarLabel(213_456, 'thousand')).toBe('213 thousand');
    expect(formatBarLabel(471.34e6, 'bn')).toBe('471 m');
    expect(formatBarLabel(0, 'm')).toBe('0');
  });
  it('writes ratios as percentages and changes with their sign', () => {
    expect(formatPercent(4_881.3 / 63_811.44)).toBe('7.6 %');
    expect(formatChange(59_863.13 / 68_692.74 - 1)).toBe('\u221212.9 %');
    expect(formatChange(0.176)).toBe('+17.6 %');
    expect(formatChange(0.00001)).toBe('0.0 %');
    expect(formatNumber(-0.0001)).toBe('0');
  });
  it('writes table cells in their unit so that a small flow never reads as none', () => {
    expect(formatAmount(4_881.3e6, 'm')).toBe('4,881');
    expect(formatAmount(-50_876.11e6, 'm')).toBe('\u221250,876');
    // Under a hundred of the unit, one decimal: 434,468 USD is 0.434468 m, 434.468 thousand.
    expect(formatAmount(434_468, 'm')).toBe('0.4');
    expect(formatAmount(434_468, 'thousand')).toBe('434');
    expect(formatAmount(1_234_567, 'm')).toBe('1.2');
    expect(formatAmount(99_960_000, 'm')).toBe('100');
    expect(formatAmount(43_270, 'thousand')).toBe('43.3');
    // Not zero, but below what one decimal shows.
    expect(formatAmount(43_270, 'm')).toBe('<0.1');
    expect(formatAmount(-43_270, 'm')).toBe('>\u22120.1');
    expect(formatAmount(40, 'thousand')).toBe('<0.1');
    expect(formatAmount(0, 'm')).toBe('0');
  });
  it('writes a share that is not zero so that it never reads as zero', () => {
    expect(formatShare(47_824.9 / 55_369.62)).toBe('86.4 %');
    // 43,270 of 16.4 m: 0.26 %; 300 of 16.4 m: 0.0018 %, below what one decimal shows.
    expect(formatShare(43_270 / 16.4e6)).toBe('0.3 %');
    expect(formatShare(300 / 16.4e6)).toBe('<0.1 %');
    expect(formatShare(0)).toBe('0.0 %');
  });
  it('reads a period label aloud for its article', () => {
    expect(article('FY2024-25')).toBe('an');
    expect(article('2019')).toBe('a');
    expect(article('1890')).toBe('an');
    expect(article('2018')).toBe('a');
  });
});

describe('closest', () => {
  it('suggests a likely misspelling and nothing for an unrelated word', () => {
    expect(closest('reportr', ['reporter', 'partner'])).toBe('reporter');
    expect(closest('sectros', ['sectors', 'scenarios'])).toBe('sectors');
    expect(closest('zzzzzz', ['reporter', 'partner'])).toBeUndefined();
  });
});

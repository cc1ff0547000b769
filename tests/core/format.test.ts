import { describe, expect, it } from 'vitest';
import { article } from '../../src/briefing/facts.ts';
import { closest } from '../../src/core/closest.ts';
import {
  formatChange,
  formatMillions,
  formatNumber,
  formatPercent,
  formatShare,
  formatUsd,
} from '../../src/core/format.ts';

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
  it('writes table cells in USD million so that a small flow never reads as none', () => {
    expect(formatMillions(4_881.3e6)).toBe('4,881');
    expect(formatMillions(-50_876.11e6)).toBe('\u221250,876');
    // Under a hundred million, one decimal: 434,468 USD is 0.434468 m.
    expect(formatMillions(434_468)).toBe('0.4');
    expect(formatMillions(1_234_567)).toBe('1.2');
    expect(formatMillions(99_960_000)).toBe('100');
    expect(formatUsd(43_270, 'm')).toBe('USD <0.1 m');
    // Not zero, but below what one decimal shows.
    expect(formatMillions(43_270)).toBe('<0.1');
    expect(formatMillions(-43_270)).toBe('>\u22120.1');
    expect(formatMillions(0)).toBe('0');
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

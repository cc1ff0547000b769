import { describe, expect, it } from 'vitest';
import { findIndicator } from '../../src/indicators/context.ts';
import { pick, select } from '../../src/indicators/query.ts';
import type { Indicator, IndicatorSet } from '../../src/indicators/types.ts';

function indicator(id: string, period: string, value: number, dims?: Record<string, string>): Indicator {
  return { id, period, value, unit: 'USD', sources: [], ...(dims ? { dims } : {}) } as unknown as Indicator;
}

const list = [
  indicator('exports', '2023', 1, { partner: 'RUS', chapter: '27' }),
  indicator('exports', '2023', 2, { partner: 'RUS', chapter: '30' }),
  indicator('imports', '2023', 3, { partner: 'RUS', chapter: '27' }),
  indicator('exports', '2024', 4, { partner: 'RUS', chapter: '27' }),
  indicator('exports', '2024', 5, { partner: 'CHN' }),
  indicator('exports', '2024', 6),
];
const set = { indicators: list } as unknown as IndicatorSet;

describe('looking indicators up by id and dims', () => {
  it('finds every indicator whose dims include those asked for, in list order', () => {
    expect(select(set, 'exports', { partner: 'RUS', chapter: '27' }).map((i) => i.value)).toEqual([1, 4]);
    expect(select(set, 'exports', { partner: 'RUS' }).map((i) => i.value)).toEqual([1, 2, 4]);
    expect(select(set, 'exports', { chapter: '27', partner: 'RUS' }).map((i) => i.value)).toEqual([1, 4]);
    expect(select(set, 'exports').map((i) => i.value)).toEqual([1, 2, 4, 5, 6]);
    expect(select(set, 'exports', { chapter: '99' })).toEqual([]);
    expect(select(set, 'nothing', { partner: 'RUS' })).toEqual([]);
  });

  it('does not take a missing dim for any value', () => {
    expect(select(set, 'exports', { chapter: 'undefined' })).toEqual([]);
    expect(select(set, 'exports', { chapter: 'null' })).toEqual([]);
    expect(pick(set, 'exports', '2024', { partner: 'CHN' })?.value).toBe(5);
  });

  it('sees indicators added to a list after an earlier lookup', () => {
    const growing = [...list];
    expect(findIndicator(growing, 'exports', { partner: 'IND' })).toBeUndefined();
    growing.push(indicator('exports', '2024', 7, { partner: 'IND' }));
    expect(findIndicator(growing, 'exports', { partner: 'IND' })?.value).toBe(7);
    expect(findIndicator(growing, 'exports', { partner: 'RUS' }, '2024')?.value).toBe(4);
  });

  it('gives a copy the caller may sort without changing later lookups', () => {
    const found = select(set, 'exports', { partner: 'RUS' });
    found.reverse();
    expect(select(set, 'exports', { partner: 'RUS' }).map((i) => i.value)).toEqual([1, 2, 4]);
  });
});

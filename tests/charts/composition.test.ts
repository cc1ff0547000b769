import { describe, expect, it } from 'vitest';
import { buildImportComposition } from '../../src/charts/specs/composition.ts';
import { createTheme } from '../../src/charts/theme.ts';
import { indicator, setOf } from './fixtures.ts';

interface Bar {
  label: string;
  amount: number;
  text: string;
  other: boolean;
}

/** Imports from `chapters` chapters worth 20, 19, 18 … USD million, each with its share of the total. */
function importsBy(chapters: number) {
  const values = Array.from({ length: chapters }, (_, i) => (chapters - i) * 1e6);
  const total = values.reduce((sum, v) => sum + v, 0);
  return setOf(
    values.flatMap((value, i) => {
      const dims = { flow: 'import', chapter: String(i + 1).padStart(2, '0') };
      return [
        indicator('composition.chapter.value', '2022', value, { dims }),
        indicator('composition.chapter.share', '2022', value / total, { unit: 'ratio', dims }),
      ];
    }),
  );
}

const barsOf = (chapters: number): Bar[] => {
  const chart = buildImportComposition(importsBy(chapters), createTheme('#0b4f8a'));
  const body = (chart.spec as { hconcat?: unknown[]; vconcat?: { data?: { values: Bar[] } }[] }).vconcat;
  const data = body?.find((part) => part.data)?.data?.values;
  if (!data) throw new Error('the chart has no data');
  return data;
};

describe('the composition chart', () => {
  it('draws every chapter when they are few', () => {
    const bars = barsOf(12);
    expect(bars).toHaveLength(12);
    expect(bars.some((b) => b.other)).toBe(false);
  });

  it('draws the fourteen largest chapters and one bar summing the rest when there are many', () => {
    // 20 chapters worth 20 … 1 USD m (total 210): the fourteen largest are 20 … 7; the six others
    // are 6 + 5 + 4 + 3 + 2 + 1 = 21 USD m, 10.0 % of 210.
    const bars = barsOf(20);
    expect(bars).toHaveLength(15);
    expect(bars.slice(0, 14).map((b) => b.amount)).toEqual([
      20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7,
    ]);
    expect(bars[14]).toMatchObject({
      label: '6 other chapters',
      amount: 21,
      text: '21.0 m · 10.0 %',
      other: true,
    });
  });

  it('ranks chapters by their value, not by the amount as drawn, when small ones round alike', () => {
    // One chapter of USD 20 m, then chapters 02 … 17 worth 10, 20, … 160 USD: every one of these draws
    // as 0.000 m, yet the thirteen kept must be the largest (17 … 05) and 04, 03, 02 the grouped rest.
    const values = [20e6, ...Array.from({ length: 16 }, (_, i) => (i + 1) * 10)];
    const total = values.reduce((sum, v) => sum + v, 0);
    const set = setOf(
      values.flatMap((value, i) => {
        const dims = { flow: 'import', chapter: String(i + 1).padStart(2, '0') };
        return [
          indicator('composition.chapter.value', '2022', value, { dims }),
          indicator('composition.chapter.share', '2022', value / total, { unit: 'ratio', dims }),
        ];
      }),
    );
    const chart = buildImportComposition(set, createTheme('#0b4f8a'));
    const body = (chart.spec as { vconcat?: { data?: { values: Bar[] } }[] }).vconcat;
    const bars = body?.find((part) => part.data)?.data?.values ?? [];
    const expected = ['01', ...Array.from({ length: 13 }, (_, i) => String(17 - i).padStart(2, '0'))];
    expect(bars.slice(0, 14).map((b) => b.label.slice(0, 2))).toEqual(expected);
    expect(bars[14]?.label).toBe('3 other chapters');
  });
});

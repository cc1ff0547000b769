import { describe, expect, it } from 'vitest';
import { buildStructure } from '../../src/charts/specs/structure.ts';
import { createTheme } from '../../src/charts/theme.ts';
import { indicator, setOf } from './fixtures.ts';

const theme = createTheme('#0b4f8a');

interface Point {
  measure: string;
  period: string;
  low: number;
  high: number;
  end: number;
  text: string;
}

const pointsOf = (spec: unknown) =>
  (spec as { vconcat: { data: { values: Point[] } }[] }).vconcat[0]?.data.values ?? [];

describe('the structure chart', () => {
  it('marks each index a year, the latest labelled, a range where chapters are not itemised', () => {
    // Shares of exports by chapter 0.5, 0.3 and 0.2 in FY2024-25 among N = 97 chapters:
    // HHI = 0.25 + 0.09 + 0.04 = 0.38, normalised (√0.38 − √(1/97)) / (1 − √(1/97)).
    const root = Math.sqrt(1 / 97);
    const normalised = (Math.sqrt(0.38) - root) / (1 - root);
    const high = (Math.sqrt(0.45) - root) / (1 - root);
    const chart = buildStructure(
      setOf([
        indicator('concentration.hhiNormalised', 'FY2023-24', 0.61, {
          unit: 'index',
          dims: { flow: 'export' },
        }),
        indicator('concentration.hhiNormalised', 'FY2024-25', normalised, {
          unit: 'index',
          high,
          dims: { flow: 'export' },
        }),
        indicator('concentration.hhiNormalised', 'FY2024-25', 0.85, {
          unit: 'index',
          dims: { flow: 'import' },
        }),
        // Grubel–Lloyd over all chapters: 1 − |X − M| / (X + M) with X = 4.9, M = 63.8 (USD bn).
        indicator('intraIndustry.aggregate', 'FY2024-25', 1 - Math.abs(4.9 - 63.8) / (4.9 + 63.8), {
          unit: 'index',
        }),
      ]),
      theme,
    );
    const points = pointsOf(chart.spec);
    const exports = points.filter((p) => p.measure === 'Exports to Russia: concentration');
    expect(exports.map((p) => p.period)).toEqual(['FY2023-24', 'FY2024-25']);
    expect(exports[1]?.low).toBeCloseTo(normalised, 12);
    expect(exports[1]?.high).toBeCloseTo(high, 12);
    // 0.5703… to 0.6264…: the label gives the range, written right of every year's mark.
    expect(exports[1]?.text).toBe(`${normalised.toFixed(2)}–${high.toFixed(2)}`);
    expect(exports[0]?.text).toBe('');
    expect(exports[0]?.end).toBeCloseTo(Math.max(0.61, high), 12);
    const gl = points.find((p) => p.measure === 'Two-way trade (Grubel–Lloyd)');
    // 1 − 58.9 / 68.7 = 0.1426…
    expect(gl?.text).toBe((1 - 58.9 / 68.7).toFixed(3));
    expect(chart.alt).toContain(`Imports from Russia: concentration 0.85 in FY2024-25`);
    expect(JSON.stringify(chart.spec)).toContain('FY2023-24 to FY2024-25, the latest year in colour');
  });

  it('is not drawn without chapter detail', () => {
    const chart = buildStructure(setOf([indicator('trade.total', 'FY2024-25', 68.7e9)]), theme);
    expect(chart.spec).toBeUndefined();
    expect(chart.missing).toBe('needs exports or imports by HS chapter');
  });
});

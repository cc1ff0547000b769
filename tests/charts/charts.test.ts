import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { buildCharts, CHARTS } from '../../src/charts/build.ts';
import { shortChapterLabel } from '../../src/charts/labels.ts';
import { renderSvg } from '../../src/charts/render.ts';
import { buildTradeOverTime } from '../../src/charts/specs/tradeOverTime.ts';
import { measureText } from '../../src/charts/textMetrics.ts';
import { createTheme } from '../../src/charts/theme.ts';
import { FONT_FILES } from '../../src/core/fonts.ts';
import { indicator, setOf } from './fixtures.ts';

const theme = createTheme('#0b4f8a');

describe('text metrics', () => {
  it('measure with the embedded font, as the PDF will draw', () => {
    const font = fontkit.openSync(FONT_FILES.regular) as fontkit.Font;
    const expected = (font.layout('Russia').advanceWidth / font.unitsPerEm) * 10;
    expect(measureText('Russia', 10)).toBeCloseTo(expected, 10);
    expect(measureText('Russia', 10, 'bold')).toBeGreaterThan(measureText('Russia', 10));
  });
});

describe('chart labels', () => {
  it.each([
    [
      'Mineral fuels, mineral oils and products of their distillation; bituminous substances; mineral waxes',
      'Mineral fuels, mineral oils',
    ],
    [
      'Machinery and mechanical appliances, boilers, nuclear reactors; parts thereof',
      'Machinery and mechanical appliances',
    ],
    ['Pharmaceutical products', 'Pharmaceutical products'],
    // Cut before ", and": the comma goes with the words after it.
    ['Aircraft, spacecraft, and parts thereof', 'Aircraft, spacecraft'],
    // An abbreviation keeps its full stop.
    ['Chemical products n.e.c.', 'Chemical products n.e.c.'],
    ['PHARMACEUTICAL PRODUCTS', 'Pharmaceutical products'],
  ])('%s', (name, label) => {
    expect(shortChapterLabel(name)).toBe(label);
  });
});

describe('chart builders', () => {
  it('put the indicator values into the spec, in USD billion, with a source line', () => {
    const chart = buildTradeOverTime(
      setOf([
        indicator('trade.exports', 'FY2023-24', 4_261.62e6),
        indicator('trade.exports', 'FY2024-25', 4_881.3e6),
        indicator('trade.imports', 'FY2024-25', 63_811.44e6),
      ]),
      theme,
    );
    const json = JSON.stringify(chart.spec);
    expect(json).toContain('"amount":4.881');
    expect(json).toContain('"amount":63.811');
    expect(json).toContain('Source: Publisher S.');
    expect(json).toContain('USD bn');
    expect(chart.alt).toContain('FY2023-24 to FY2024-25');
    expect(chart.alt).toContain('Exports went from USD 4.3 bn to USD 4.9 bn.');
  });

  it('say what they need instead of drawing an empty chart', async () => {
    const charts = await buildCharts(setOf([indicator('trade.exports', 'FY2024-25', 1e9)]));
    expect(charts).toHaveLength(CHARTS.length);
    for (const chart of charts) {
      expect(chart.svg).toBeUndefined();
      expect(chart.missing).toMatch(/^needs /);
    }
  });

  it('render the same SVG twice from the same spec', async () => {
    const chart = buildTradeOverTime(
      setOf([indicator('trade.exports', 'FY2023-24', 1e9), indicator('trade.exports', 'FY2024-25', 2e9)]),
      theme,
    );
    if (!chart.spec) throw new Error('expected a spec');
    const first = await renderSvg(chart.spec);
    expect(await renderSvg(chart.spec)).toBe(first);
    expect(first).toContain('font-family="Noto Sans"');
  });
});

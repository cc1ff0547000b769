import { describe, expect, it } from 'vitest';
import { svgSize } from '../../src/briefing/writer.ts';
import { buildCharts } from '../../src/charts/build.ts';
import { fitLines } from '../../src/charts/chart.ts';
import { wrapLabel } from '../../src/charts/labels.ts';
import { buildPotential } from '../../src/charts/specs/potential.ts';
import { buildScenarios } from '../../src/charts/specs/scenarios.ts';
import { buildSpecialisation } from '../../src/charts/specs/specialisation.ts';
import { buildUntappedPotential } from '../../src/charts/specs/untappedPotential.ts';
import { measureText } from '../../src/charts/textMetrics.ts';
import { CHART_WIDTH, createTheme } from '../../src/charts/theme.ts';
import { defaultSet } from '../briefing/build.ts';
import { indicator, setOf } from './fixtures.ts';

const theme = createTheme('#0b4f8a');

const rca = (reporter: string, chapter: string, value: number) =>
  indicator('specialisation.rca', '2019', value, { unit: 'index', dims: { reporter, chapter } });

describe('the specialisation chart', () => {
  const chart = buildSpecialisation(
    setOf([
      rca('IND', '27', 1.4),
      rca('IND', '30', 1.2),
      rca('IND', '31', 0.13),
      rca('IND', '52', 6.9),
      rca('RUS', '27', 5.2),
      rca('RUS', '30', 0.05),
      rca('RUS', '31', 6.4),
      rca('RUS', '52', 0.05),
    ]),
    theme,
  );

  it('orders chapters from the reporter’s edge to the partner’s, on a log scale by decades', () => {
    const json = JSON.stringify(chart.spec);
    const order = [
      '52  Cotton',
      '30  Pharmaceutical products',
      '27  Mineral fuels, mineral oils',
      '31  Fertilizers',
    ];
    expect(json).toContain(`"sort":${JSON.stringify(order)}`);
    expect(json).toContain('"type":"log","domain":[0.01,10]');
    expect(json).toContain('"values":[0.01,0.1,1,10]');
  });

  it('says in its alt text how many chapters each country is specialised in and where each has the widest edge', () => {
    expect(chart.alt).toContain('India has an RCA above 1 in 3 chapters, Russia in 2.');
    expect(chart.alt).toContain("India's edge is largest in chapter 52 (Cotton: 6.90 against 0.050)");
    expect(chart.alt).toContain("Russia's in chapter 31 (Fertilizers: 6.40 against 0.13)");
  });

  it('needs both countries to have the same year', () => {
    const alone = buildSpecialisation(setOf([rca('IND', '30', 1.2)]), theme);
    expect(alone.spec).toBeUndefined();
    expect(alone.missing).toMatch(/^needs both countries' exports/);
  });
});

describe('the export potential chart', () => {
  const dims = { sector: 'pharma' };
  const chart = buildPotential(
    setOf([
      indicator('potential.exports', 'FY2025-26', 269e6, { dims }),
      indicator('potential.demandPart', 'FY2025-26', 223e6, { dims }),
      indicator('potential.supplyPart', 'FY2025-26', 46e6, { dims }),
      indicator('potential.untapped', 'FY2025-26', -202e6, { dims: { ...dims, rank: '1' } }),
      indicator('composition.sector.value', 'FY2025-26', 471e6, {
        dims: { flow: 'export', sector: 'pharma' },
      }),
    ]),
    theme,
  );

  it('shows the potential, its two parts and the actual exports, in USD million', () => {
    const json = JSON.stringify(chart.spec);
    for (const value of ['"value":269', '"value":223', '"value":46', '"value":471'])
      expect(json).toContain(value);
    expect(json).toContain('Exports to Russia, FY2025-26');
    expect(json).toContain('"title":"USD m"');
  });

  it('says where exports already exceed the potential', () => {
    expect(chart.alt).toContain(
      'Pharmaceuticals: potential USD 269 m (demand part USD 223 m, supply part USD 46.0 m), exports USD 471 m; exports exceed it by USD 202 m.',
    );
  });
});

describe('the scenarios chart', () => {
  const scenario = { scenario: 'pharma-25' };
  const chart = buildScenarios(
    setOf([
      indicator('trade.exports', 'FY2025-26', 4.5e9),
      indicator('trade.imports', 'FY2025-26', 55e9),
      indicator('trade.coverage', 'FY2025-26', 4.5 / 55, { unit: 'ratio' }),
      indicator('scenario.addedExports', 'FY2025-26', 2e9, { dims: { ...scenario, sector: 'pharma' } }),
      indicator('scenario.exports', 'FY2025-26', 6.5e9, { label: 'Pharma at 25 %: exports', dims: scenario }),
      indicator('scenario.balance', 'FY2025-26', -48.5e9, { dims: scenario }),
      indicator('scenario.coverage', 'FY2025-26', 6.5 / 55, { unit: 'ratio', dims: scenario }),
    ]),
    theme,
  );

  it('stacks the added exports on the actual ones and ends each bar with its coverage', () => {
    const json = JSON.stringify(chart.spec);
    expect(json).toContain('"row":"Pharma at 25 %","part":"Added: pharmaceuticals","order":1,"amount":2');
    expect(json).toContain('"text":"6.5 bn · 11.8 % of imports"');
    expect(json).toContain('"text":"4.5 bn · 8.2 % of imports"');
    expect(chart.alt).toContain(
      'Pharma at 25 %: exports USD 6.5 bn, covering 11.8 % of imports (added: pharmaceuticals USD 2,000 m).',
    );
  });

  it('is not drawn without scenarios', () => {
    expect(buildScenarios(setOf([indicator('trade.exports', 'FY2025-26', 1e9)]), theme).missing).toMatch(
      /^needs /,
    );
  });
});

describe('text that must fit', () => {
  it('breaks a source line into lines no wider than the chart', () => {
    const source = `Source: ${'Publisher with a long name; '.repeat(8)}FY2025-26 provisional.`;
    const lines = fitLines(source, 7, 470);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(source);
    for (const line of lines) expect(measureText(line, 7)).toBeLessThanOrEqual(470);
  });

  it('wraps a long category label between words', () => {
    expect(
      wrapLabel("India supplies half of Russia's pharmaceutical and engineering import demand", 44),
    ).toBe("India supplies half of Russia's\npharmaceutical and engineering import demand");
  });
});

describe('the charts of the default briefing', () => {
  it('are drawn no wider than the text column, so none is scaled down on the page', async () => {
    const charts = (await buildCharts(await defaultSet())).filter((c) => c.svg);
    expect(charts.map((c) => c.id)).toEqual(
      expect.arrayContaining(['specialisation-rca', 'export-potential', 'rebalancing-scenarios']),
    );
    for (const chart of charts)
      expect(svgSize(chart.svg ?? '').width, chart.id).toBeLessThanOrEqual(CHART_WIDTH + 1);
  });
});

describe('the untapped potential chart', () => {
  const chapter = (code: string, rank: number, potential: number, exports: number) => {
    const dims = { chapter: code };
    return [
      indicator('matrix.untapped', '2022', potential - exports, { dims: { ...dims, rank: String(rank) } }),
      indicator('matrix.potential', '2022', potential, { dims }),
      indicator('matrix.exports', '2022', exports, { dims }),
    ];
  };

  it('draws only the chapters with potential left, the largest first', () => {
    // Untapped: HS 30 USD 2.0 m, HS 85 0.5 m; HS 10 none (no world share); HS 27 below zero (sells more).
    const chart = buildUntappedPotential(
      setOf([
        ...chapter('30', 1, 3e6, 1e6),
        ...chapter('85', 2, 6e5, 1e5),
        ...chapter('10', 3, 0, 0),
        ...chapter('27', 4, 1e5, 4e5),
      ]),
      theme,
    );
    const json = JSON.stringify(chart.spec);
    expect(json).toContain('"text":"3,000 thousand · untapped 2,000 thousand"');
    expect(json).toContain('"text":"600 thousand · untapped 500 thousand"');
    expect(json).not.toContain('untapped 0"');
    expect(json).not.toMatch(/"label":"(10|27) /);
    expect(chart.spec?.title).toMatchObject({
      subtitle: expect.stringContaining('4 chapters in tables/potential.csv'),
    });
  });

  it('is not drawn when no chapter has potential left, and says why', () => {
    const chart = buildUntappedPotential(
      setOf([...chapter('10', 1, 0, 0), ...chapter('27', 2, 1e5, 4e5)]),
      theme,
    );
    expect(chart.spec).toBeUndefined();
    expect(chart.missing).toMatch(/^no HS chapter has potential left untapped: .* in each of the 2 chapters/);
  });
});

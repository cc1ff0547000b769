import { loadJson, save, saveJson, toJson } from '../src/core/context.ts';
import type { Stage } from '../src/core/stage.ts';
import type { IndicatorSet } from '../src/indicators/types.ts';
import { runAlone } from './alone.ts';
import { CHART_INDEX, INDICATORS } from './files.ts';

export const chartsStage: Stage = {
  name: 'charts',
  summary: 'build one vega-lite spec per chart and render it to SVG (and to PNG with --png)',
  reads: [INDICATORS],
  config: [],
  // Asking for the PNGs (or no longer) draws the charts again.
  extraKey: async (ctx) => ({ previews: ctx.previews === true }),
  // Its collection freed about 10 MB of a batch partner's heap for some 20 ms; the briefing's, 26 MB.
  leavesLittle: () => true,
  async run(ctx) {
    // Load.
    const set = await loadJson<IndicatorSet>(ctx, INDICATORS);
    // Process: vega and resvg load only when a chart is to be drawn, which keeps a no-op run fast.
    const { buildCharts } = await import('../src/charts/build.ts');
    const renderPng = ctx.previews ? (await import('../src/charts/preview.ts')).renderPng : undefined;
    const charts = await buildCharts(set);
    // Every preview is set rasterising at once; the specs and SVGs are written meanwhile.
    const previews = charts.map((chart) => (chart.svg ? renderPng?.(chart.svg) : undefined));
    // A failure is met where its preview is awaited, not reported early as unhandled.
    for (const preview of previews) preview?.catch(() => undefined);
    // Save.
    const written: string[] = [];
    const index = [];
    for (const [i, chart] of charts.entries()) {
      const preview = previews[i];
      const files = chart.svg
        ? {
            spec: `charts/${chart.id}.vl.json`,
            svg: `charts/${chart.id}.svg`,
            ...(preview ? { png: `charts/${chart.id}.png` } : {}),
          }
        : undefined;
      if (files && chart.svg) {
        await save(ctx, files.spec, toJson(chart.spec));
        await save(ctx, files.svg, chart.svg);
        written.push(files.spec, files.svg);
        if (files.png && preview) {
          await save(ctx, files.png, await preview);
          written.push(files.png);
        }
      }
      const { spec: _, svg: __, ...meta } = chart;
      index.push({ ...meta, ...(files ? { files } : {}) });
    }
    await saveJson(ctx, CHART_INDEX, index, toJson(index));
    return [...written, CHART_INDEX];
  },
};

// Not awaited: the stage command imports this module again, which must finish evaluating first.
void runAlone(import.meta.url, chartsStage);

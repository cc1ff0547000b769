import type { RenderedChart } from '../../charts/build.ts';
import { COLOURS, TYPE } from '../style.ts';
import { svgSize, type Writer } from '../writer.ts';

/** A chart by id; when the inputs can't support it, a line saying so and what it needs. */
export function writeChart(w: Writer, charts: RenderedChart[], id: string): void {
  const chart = charts.find((c) => c.id === id);
  if (!chart) return;
  if (chart.svg) {
    w.figure({ svg: chart.svg, alt: chart.alt });
    return;
  }
  w.paragraph(`${chart.title}: not available — ${chart.missing}.`, {
    size: TYPE.small + 0.5,
    colour: COLOURS.muted,
    italic: true,
  });
}

/** Height a chart will take on the page, for keeping it with the heading and text before it. */
export function chartHeight(charts: RenderedChart[], id: string): number {
  const svg = charts.find((c) => c.id === id)?.svg;
  return svg ? svgSize(svg).height + 12 : 30;
}

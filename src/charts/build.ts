import type { IndicatorSet } from '../indicators/types.ts';
import type { ChartBuilder, ChartDefinition } from './chart.ts';
import { renderSvg } from './render.ts';
import { buildExportComposition, buildImportComposition } from './specs/composition.ts';
import {
  buildExportCompositionOverTime,
  buildImportCompositionOverTime,
} from './specs/compositionOverTime.ts';
import { buildOpportunity } from './specs/opportunity.ts';
import { buildPeopleFlows } from './specs/peopleFlows.ts';
import { buildPotential } from './specs/potential.ts';
import { buildTopProducts } from './specs/products.ts';
import { buildScenarios } from './specs/scenarios.ts';
import { buildSpecialisation } from './specs/specialisation.ts';
import { buildStructure } from './specs/structure.ts';
import { buildTargetPath } from './specs/targetPath.ts';
import { buildTradeOverTime } from './specs/tradeOverTime.ts';
import { buildUntappedPotential } from './specs/untappedPotential.ts';
import { createTheme } from './theme.ts';

/** The briefing's charts, in the order the briefing shows them. */
export const CHARTS: ChartBuilder[] = [
  buildTradeOverTime,
  buildImportComposition,
  buildImportCompositionOverTime,
  buildExportComposition,
  buildExportCompositionOverTime,
  buildTopProducts,
  buildSpecialisation,
  buildStructure,
  buildOpportunity,
  buildUntappedPotential,
  buildPotential,
  buildScenarios,
  buildPeopleFlows,
  buildTargetPath,
];

export interface RenderedChart extends ChartDefinition {
  svg?: string;
}

/** Every chart's spec and SVG; a chart the inputs can't support comes back with `missing` instead. */
export async function buildCharts(set: IndicatorSet): Promise<RenderedChart[]> {
  const theme = createTheme(set.meta.organisation.accent);
  const charts: RenderedChart[] = [];
  for (const build of CHARTS) {
    const chart = build(set, theme);
    charts.push(chart.spec ? { ...chart, svg: await renderSvg(chart.spec) } : chart);
  }
  return charts;
}

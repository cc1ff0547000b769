import type { FigureRow } from '../normalise/table.ts';
import type { IndicatorContext } from './context.ts';
import type { Indicator } from './types.ts';

/** Every published figure for the pair, as an indicator that keeps its source, qualifier and confidence. */
export function figureIndicators(ctx: IndicatorContext): Indicator[] {
  return ctx.n.figures.map(figureIndicator);
}

export function figureIndicator(f: FigureRow): Indicator {
  return {
    id: `figure.${f.topic}.${f.measure}`,
    label: f.measure.replaceAll('_', ' '),
    period: f.period,
    value: f.value,
    ...(f.valueHigh === undefined ? {} : { high: f.valueHigh }),
    unit: f.unit,
    formula: 'reported',
    sources: [f.source],
    status: 'ok',
    dims: {
      scope: f.scope,
      confidence: f.confidence,
      ...(f.sector ? { sector: f.sector } : {}),
      ...(f.qualifier ? { qualifier: f.qualifier } : {}),
    },
    ...(f.note ? { note: f.note } : {}),
  };
}

/** The middle of a published range, or the value itself. */
export function midpoint(f: { value: number; valueHigh?: number }): number {
  return f.valueHigh === undefined ? f.value : (f.value + f.valueHigh) / 2;
}

import { parseMoneyUnit, toCents } from '../core/units.ts';
import type { FigureRecord } from '../ingest/records.ts';
import type { FigureRow } from './table.ts';

const COUNT_SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, mn: 1e6, billion: 1e9, bn: 1e9 };

/** Published figures in base units: money in USD, percentages as ratios, "million persons" as persons. */
export function normaliseFigure(figure: FigureRecord): FigureRow {
  const { value, valueHigh, unit } = toBaseUnit(figure);
  const year = /(\d{4})/.exec(figure.period)?.[1];
  return {
    topic: figure.topic,
    measure: figure.measure,
    sector: figure.sector,
    scope: figure.scope,
    period: figure.period,
    ...(year ? { year: Number(year) } : {}),
    value,
    ...(valueHigh === undefined ? {} : { valueHigh }),
    unit,
    qualifier: figure.qualifier,
    source: figure.source,
    confidence: figure.confidence,
    note: figure.note,
    ref: `${figure.file}:${figure.line}`,
  };
}

function toBaseUnit(figure: FigureRecord): { value: number; valueHigh?: number; unit: string } {
  const scaled = (scale: number, unit: string) => ({
    value: figure.value * scale,
    ...(figure.valueHigh === undefined ? {} : { valueHigh: figure.valueHigh * scale }),
    unit,
  });
  const money = parseMoneyUnit(figure.unit);
  if (money?.currency === 'USD') {
    const usd = scaled(money.scale, 'USD');
    return {
      ...usd,
      value: toCents(usd.value),
      ...(usd.valueHigh === undefined ? {} : { valueHigh: toCents(usd.valueHigh) }),
    };
  }
  const unit = figure.unit.trim().toLowerCase();
  if (unit === 'percent' || unit === '%') return scaled(0.01, 'ratio');
  const [first = '', ...rest] = unit.split(/\s+/);
  const scale = Object.hasOwn(COUNT_SCALES, first) ? COUNT_SCALES[first] : undefined;
  return scale && rest.length > 0 ? scaled(scale, rest.join(' ')) : scaled(1, unit);
}

/** Figures whose scope names only the two countries of the pair ("IND-RUS", "IND->RUS", "RUS"). */
export function concernsPair(scope: string, reporter: string, partner: string): boolean {
  const codes = scope.match(/[A-Z]{3}/g) ?? [];
  return codes.length > 0 && codes.every((c) => c === reporter || c === partner);
}

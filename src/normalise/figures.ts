import { parseMoneyUnit, toCents } from '../core/units.ts';
import type { FigureRecord } from '../ingest/records.ts';
import type { createUsdConverter } from './money.ts';
import type { FigureRow } from './table.ts';

const COUNT_SCALES: Record<string, number> = {
  thousand: 1e3,
  lakh: 1e5,
  million: 1e6,
  mn: 1e6,
  crore: 1e7,
  billion: 1e9,
  bn: 1e9,
};

/**
 * Published figures in base units: money in USD (other currencies at the rates file's rate for the
 * figure's period), percentages as ratios, "million persons" or "lakh persons" as persons.
 */
export function normaliseFigure(figure: FigureRecord, usd: ReturnType<typeof createUsdConverter>): FigureRow {
  const { value, valueHigh, unit } = toBaseUnit(figure, usd);
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

function toBaseUnit(
  figure: FigureRecord,
  usd: ReturnType<typeof createUsdConverter>,
): { value: number; valueHigh?: number; unit: string } {
  const scaled = (scale: number, unit: string) => ({
    value: figure.value * scale,
    ...(figure.valueHigh === undefined ? {} : { valueHigh: figure.valueHigh * scale }),
    unit,
  });
  const money = parseMoneyUnit(figure.unit);
  if (money && money.currency !== 'USD') {
    // A rate missing for the period is reported by the converter, and the figure is not used.
    const convert = (amount: number) => usd.toUsd(amount, figure.unit, figure.period, figure) ?? Number.NaN;
    const value = convert(figure.value);
    // Without a rate for the value, none for its range either: said once.
    const high =
      figure.valueHigh === undefined || Number.isNaN(value) ? undefined : convert(figure.valueHigh);
    return { value, ...(high === undefined ? {} : { valueHigh: high }), unit: 'USD' };
  }
  if (money?.currency === 'USD') {
    const usd = scaled(money.scale, 'USD');
    return {
      ...usd,
      value: toCents(usd.value),
      ...(usd.valueHigh === undefined ? {} : { valueHigh: toCents(usd.valueHigh) }),
    };
  }
  const unit = figure.unit.trim().toLowerCase();
  if (unit === 'percent' || unit === 'per cent' || unit === '%') return scaled(0.01, 'ratio');
  const [first = '', ...rest] = unit.split(/\s+/);
  const scale = Object.hasOwn(COUNT_SCALES, first) ? COUNT_SCALES[first] : undefined;
  return scale && rest.length > 0 ? scaled(scale, rest.join(' ')) : scaled(1, unit);
}

/** Figures whose scope names only the two countries of the pair ("IND-RUS", "IND->RUS", "RUS"). */
export function concernsPair(scope: string, reporter: string, partner: string): boolean {
  const codes = scope.match(/[A-Z]{3}/g) ?? [];
  return codes.length > 0 && codes.every((c) => c === reporter || c === partner);
}

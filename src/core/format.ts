/** Number formats shared by notes, narrative, tables and charts, so a figure reads the same everywhere. */
const MINUS = '\u2212';

/** One formatter per precision: building an Intl.NumberFormat costs far more than using one. */
const formatters = new Map<number, Intl.NumberFormat>();

function formatter(digits: number): Intl.NumberFormat {
  let made = formatters.get(digits);
  if (!made) {
    made = new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(digits, made);
  }
  return made;
}

function grouped(value: number, digits: number): string {
  const text = formatter(digits).format(Math.abs(value));
  return Number(text.replaceAll(',', '')) === 0 ? text : `${value < 0 ? MINUS : ''}${text}`;
}

export function formatNumber(value: number, digits = 0): string {
  return grouped(value, digits);
}

/** The units USD amounts are printed in. */
export type UsdUnit = 'thousand' | 'm' | 'bn';

const DIVISOR: Record<UsdUnit, number> = { thousand: 1e3, m: 1e6, bn: 1e9 };

/** Each unit's name: in a column header, an axis title or after a figure ("USD m"), and in a caption. */
export const USD_UNITS: Record<UsdUnit, { short: string; long: string; after: string }> = {
  thousand: { short: 'USD thousand', long: 'USD thousand', after: 'thousand' },
  m: { short: 'USD m', long: 'USD million', after: 'm' },
  bn: { short: 'USD bn', long: 'USD billion', after: 'bn' },
};

/** The next smaller unit, for an amount below the one asked for. */
const SMALLER: Record<UsdUnit, UsdUnit | undefined> = { bn: 'm', m: 'thousand', thousand: undefined };

/**
 * USD amounts in the unit a reader expects: "USD 68.7 bn", "USD 4,881 m", "USD 950 thousand", "USD 42".
 * Asked for a unit, an amount under one of it is written in the next smaller unit, never as
 * "USD 0.0 bn" or "USD <0.1 m"; thousands are the smallest unit asked for.
 */
export function formatUsd(value: number, unit?: UsdUnit): string {
  const size = Math.abs(value);
  let chosen = unit ?? usdUnitFor(value);
  while (chosen && size < DIVISOR[chosen] && SMALLER[chosen]) chosen = SMALLER[chosen];
  if (chosen === 'bn') return `USD ${grouped(value / 1e9, Number.isInteger(value / 1e9) ? 0 : 1)} bn`;
  if (chosen) return `USD ${formatAmount(value, chosen)} ${USD_UNITS[chosen].after}`;
  return `USD ${grouped(value, 0)}`;
}

/**
 * A USD amount as a number in a unit, as tables, chart labels and text write it: whole units from a
 * hundred ("4,881"), one decimal below ("90.0", "0.4"), and "<0.1" for an amount that is not zero but
 * would print as one, so a small flow never reads as no flow.
 */
export function formatAmount(value: number, unit: UsdUnit): string {
  const size = Math.abs(value) / DIVISOR[unit];
  if (size === 0) return '0';
  if (size < 0.05) return value < 0 ? `>${MINUS}0.1` : '<0.1';
  return grouped(value / DIVISOR[unit], size < 99.95 ? 1 : 0);
}

/** A bar's label in a chart drawn in `unit`: "47.8 bn", "471 m" in a chart in bn, "20.5 thousand", "0". */
export function formatBarLabel(value: number, unit: UsdUnit): string {
  return value === 0 ? '0' : formatUsd(value, unit).replace('USD ', '');
}

/** An amount in a unit as a chart plots it, to a thousandth of the unit. */
export function amountIn(value: number, unit: UsdUnit): number {
  return Math.round((value / DIVISOR[unit]) * 1000) / 1000;
}

/**
 * The one unit of a table or a chart, from the largest amount it shows. Chosen per table and chart
 * rather than once per briefing: a pair's amounts run from its total to its smallest chapter, and a
 * briefing-wide unit would print a small pair's chapter tables as rows of "<0.1" next to a total that
 * reads well; every header, axis title and caption names its unit, so the choice is always in view.
 * Thousands when the largest is under USD 10 m (a USD 20 thousand flow reads "20", not "<0.1");
 * billions from USD 5 bn where the figure allows them (a chart, whose bar labels must stay short; a
 * table keeps whole millions, "68,693", as precise as its sources); millions otherwise.
 */
export function unitFor(amounts: readonly number[], largest: 'm' | 'bn' = 'm'): UsdUnit {
  const top = amounts.reduce((most, v) => Math.max(most, Math.abs(v)), 0);
  if (largest === 'bn' && top >= 5e9) return 'bn';
  return top > 0 && top < 1e7 ? 'thousand' : 'm';
}

/** The unit an amount reads best in on its own: billions from ten billion, then millions, thousands. */
export function usdUnitFor(value: number): UsdUnit | undefined {
  const size = Math.abs(value);
  return size >= 1e10 ? 'bn' : size >= 1e6 ? 'm' : size >= 1e3 ? 'thousand' : undefined;
}

/** A ratio as a percentage: 0.864 → "86.4 %". */
export function formatPercent(ratio: number, digits = 1): string {
  return `${grouped(ratio * 100, digits)} %`;
}

/** A share as a percentage that never reads as zero when it is not: 0.0004 → "<0.1 %". */
export function formatShare(ratio: number, digits = 1): string {
  const text = formatPercent(ratio, digits);
  return ratio > 0 && Number(text.replace(/[^\d.]/g, '')) === 0
    ? `<${formatPercent(10 ** -(digits + 2), digits)}`
    : text;
}

/** A change as a signed percentage: "+5.1 %", "−12.9 %". */
export function formatChange(ratio: number, digits = 1): string {
  const text = formatPercent(ratio, digits);
  return ratio > 0 && !/^0(\.0+)? %$/.test(text) ? `+${text}` : text;
}

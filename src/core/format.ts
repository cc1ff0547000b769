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

/**
 * USD amounts in the unit a reader expects: "USD 68.7 bn", "USD 4,881 m", "USD 950,000". Asked for
 * billions, an amount under one billion is still written in millions, never as "USD 0.0 bn".
 */
export function formatUsd(value: number, unit?: 'bn' | 'm'): string {
  const size = Math.abs(value);
  const chosen =
    unit === 'bn' && size < 1e9
      ? size >= 1e6
        ? 'm'
        : undefined
      : (unit ?? (size >= 1e10 ? 'bn' : size >= 1e6 ? 'm' : undefined));
  if (chosen === 'bn') return `USD ${grouped(value / 1e9, Number.isInteger(value / 1e9) ? 0 : 1)} bn`;
  if (chosen === 'm') return `USD ${formatMillions(value)} m`;
  return `USD ${grouped(value, 0)}`;
}

/**
 * A USD amount in millions, as tables, chart labels and text write it: whole millions from a hundred
 * million ("4,881"), one decimal below ("90.0", "0.4"), and "<0.1" for an amount that is not zero but
 * would print as one, so a small flow never reads as no flow.
 */
export function formatMillions(value: number): string {
  const size = Math.abs(value) / 1e6;
  if (size === 0) return '0';
  if (size < 0.05) return value < 0 ? `>${MINUS}0.1` : '<0.1';
  return grouped(value / 1e6, size < 99.95 ? 1 : 0);
}

/** The unit an amount reads best in: billions from ten billion, millions from a million. */
export function usdUnitFor(value: number): 'bn' | 'm' | undefined {
  const size = Math.abs(value);
  return size >= 1e10 ? 'bn' : size >= 1e6 ? 'm' : undefined;
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
